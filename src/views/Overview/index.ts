export { ReviewOverview, type ReviewOverviewProps } from './ReviewOverview';
