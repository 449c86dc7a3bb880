export { StaleBanner } from './StaleBanner';
export type { StaleBannerProps } from './StaleBanner';
