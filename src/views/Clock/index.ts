export { Clock } from './Clock';
export { useShownMoment } from './use-shown-moment';
