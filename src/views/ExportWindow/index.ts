export { ExportWindowButton } from './ExportWindowButton';
