/** server-down: the server fails its health check (`up: false`). */
import type { Level } from './alert';
import type { ServerWindow } from './window';

// a server missing from the latest frame is neither down nor up: hold whatever state it is in
export const serverDownLevel = (s: ServerWindow): Level =>
  !s.present ? 'hold' : s.up ? 'clear' : 'fire';
