export { FatalBoundary, FatalNotice } from './FatalBoundary';
export { errorLine } from './fatal-words';
