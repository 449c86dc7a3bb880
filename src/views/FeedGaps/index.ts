export { FeedGaps } from './FeedGaps';
