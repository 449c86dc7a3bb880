export { ShareBars, type ShareBarsProps } from './ShareBars';
