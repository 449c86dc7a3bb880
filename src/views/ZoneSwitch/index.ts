export { ZoneSwitch } from './ZoneSwitch';
