export { ConnectionBadge } from './ConnectionBadge';
