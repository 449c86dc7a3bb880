export { AlertBanner } from './AlertBanner';
export { NotifyToggle } from './NotifyToggle';
export { usePageTitle } from './use-page-title';
