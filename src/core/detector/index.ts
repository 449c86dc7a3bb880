/** The detector's public face: everything a caller needs, nothing of how it decides. */
export { createDetector, DEFAULT_POOL, type Detector } from './detector';
export {
  alertId,
  RULES,
  type Alert,
  type AlertCause,
  type AlertEvent,
  type AlertRule,
} from './alert';
export {
  DEFAULT_CONFIG,
  detectorOverrides,
  layerOverrides,
  resolveConfig,
  type DetectorConfig,
  type DetectorOverrides,
} from './config';
export {
  alertEventOf,
  alertOf,
  alertPayload,
  createLiveAlerts,
  type LiveAlerts,
} from './live-alerts';
export { handoverTransitions } from './handover';
export { createAlertFeed, detectAlerts, type AlertFeed, type DetectorItem } from './detect-alerts';
