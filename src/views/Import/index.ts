export { ImportPostmortem } from './ImportPostmortem';
export { useFileDrop } from './use-file-drop';
