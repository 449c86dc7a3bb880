/** What the detector says: alert transitions (CONTRACT section 3) and the alerts firing now. */
import { ALERT_CAUSES, ALERT_RULES } from '../protocol/protocol';

// one list for the detector and the wire's validator, so they cannot drift apart
export const RULES = ALERT_RULES;
/** The kinds of trouble the detector knows. */
export type AlertRule = (typeof RULES)[number];

/** Who is to blame, as far as the numbers tell. */
export type AlertCause = (typeof ALERT_CAUSES)[number];

/** One alert transition: exactly the line `skewboard analyze` prints. */
export interface AlertEvent {
  type: 'alert';
  t: number;
  state: 'firing' | 'resolved';
  rule: AlertRule;
  servers: string[];
  cause: AlertCause;
  message: string;
}

/** An alert firing now; `id` is stable for as long as it fires. */
export interface Alert {
  id: string;
  rule: AlertRule;
  servers: string[];
  cause: AlertCause;
  message: string;
  /** frame t at which it fired */
  startT: number;
}

/** How one rule judges one server in one frame: a strict bar to fire, a looser one to stay. */
export type Level = 'fire' | 'hold' | 'clear';

/** The key of one alert, the same while it fires: its rule and servers. */
export const alertId = (rule: AlertRule, servers: readonly string[]) =>
  `${rule}:${servers.join(',')}`;
