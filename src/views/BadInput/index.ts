export { BadInput } from './BadInput';
