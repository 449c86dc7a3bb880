export { SourceNotice } from './SourceNotice';
