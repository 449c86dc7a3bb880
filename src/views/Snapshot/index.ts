export { SnapshotButton } from './SnapshotButton';
