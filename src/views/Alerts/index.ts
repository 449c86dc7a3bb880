export { AlertBanner } from './AlertBanner';
export { NotifyButton } from './NotifyButton';
export { useAlertSignals } from './use-alert-signals';
