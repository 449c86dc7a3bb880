export { ShortcutsHelp } from './ShortcutsHelp';
export { useHelpKey } from './use-help-key';
