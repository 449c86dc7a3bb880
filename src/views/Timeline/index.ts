export { TimelineStrip, type TimelineStripProps } from './TimelineStrip';
