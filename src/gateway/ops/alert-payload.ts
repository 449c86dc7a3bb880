/**
 * The `alert` event of CONTRACT section 1, as the gateway serves it at `/api/alerts` and counts
 * it in `/metrics`. The gateway's detector provides them; until one runs, none fire.
 */
import type { AlertCause, AlertRule } from '../../core/detector/alert';

/** An alert transition or an alert firing now (CONTRACT section 1, `alert`). */
export interface AlertPayload {
  v: 1;
  id: string;
  state: 'firing' | 'resolved';
  t: number;
  since: number;
  rule: AlertRule;
  servers: string[];
  cause: AlertCause;
  message: string;
}

/** The alerts firing now. */
export type FiringAlerts = () => readonly AlertPayload[];

export const NO_ALERTS: FiringAlerts = () => [];
