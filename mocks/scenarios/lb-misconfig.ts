/**
 * The 2024-05-15 outage (the founding postmortem, shared/incidents/2024-05-15-lb-misconfig.md): a load-balancer
 * change pins 30% of all requests onto app-04 and app-07. They get 22% each, 2.2x their share,
 * overload and time out, while the other eight idle at 7% -- until the fix at 12:00 (UTC-4).
 */
import type { AnnotationKind } from '../../src/core/protocol/protocol';
import type { Scenario, ScenarioAnnotation, ScenarioServer } from '../scenario';

const NAME = 'lb-misconfig';
const TZ = '-04:00';
const POSTMORTEM = 'postmortem:2024-05-15-lb-misconfig.md';

/** A wall-clock time on the incident day, in the incident's zone, as UTC ms. */
const local = (hhmm: string) => Date.parse(`2024-05-15T${hhmm}:00${TZ}`);

const entry = (
  hhmm: string,
  kind: AnnotationKind,
  title: string,
  text: string,
  source = POSTMORTEM,
): ScenarioAnnotation => ({ id: `${NAME}:${hhmm}`, t: local(hhmm), kind, title, text, source });

// 10 x 180 req/s against ~1000 req/s: each server runs at ~0.55 when the balancer is fair
const servers: ScenarioServer[] = Array.from({ length: 10 }, (_, i) => ({
  id: `app-${String(i + 1).padStart(2, '0')}`,
  pool: 'web',
  weight: 1,
  capacityRps: 180,
  // idle-server latency; queueing at 0.55 roughly doubles it (p95 ~110 ms)
  serviceMs: { p50: 20, p95: 50, p99: 90 },
}));

export const lbMisconfig: Scenario = {
  name: NAME,
  description:
    'A load-balancer change pins 30% of all traffic onto app-04 and app-07 (22% each, 2.2x ' +
    'their share): they overload and time out while the other eight idle, until the fix.',
  tz: TZ,
  startT: local('09:30'),
  intervalMs: 10_000,
  seed: 20240515,
  servers,
  traffic: { rps: 1000, diurnal: { amplitude: 0.1, peakHourUtc: 18 }, noise: 0.02 },
  faults: [
    {
      fromT: local('09:55'),
      toT: local('12:00'),
      effect: { kind: 'misroute', fraction: 0.3, to: ['app-04', 'app-07'] },
    },
  ],
  annotations: [
    entry(
      '09:55',
      'change',
      'Load balancer configuration change deployed',
      'A configuration change was deployed to the load balancer in front of the web pool.',
      `sim:${NAME}`,
    ),
    entry(
      '10:00',
      'detected',
      'Latency alert fired',
      'The issue was detected when the monitoring system triggered an alert for increased latency on the website.',
    ),
    entry(
      '10:05',
      'investigating',
      'Error rates and response times spiking',
      'Engineers noticed a spike in error rates and slow response times while investigating the issue.',
    ),
    entry(
      '10:30',
      'investigating',
      'Checking backend servers and database',
      'Initial investigation focused on backend server performance and database connectivity issues.',
    ),
    entry(
      '10:45',
      'investigating',
      'Uneven traffic distribution found',
      'Further analysis revealed discrepancies in traffic distribution among backend servers.',
    ),
    entry(
      '11:00',
      'escalated',
      'Escalated to DevOps',
      'The incident was escalated to the DevOps team for a more in-depth investigation.',
    ),
    entry(
      '11:30',
      'identified',
      'Root cause: load balancer misconfiguration',
      'After reviewing load balancer configurations, the misconfiguration was identified as the root cause.',
    ),
    entry(
      '12:00',
      'resolved',
      'Misconfiguration corrected',
      'The misconfiguration was corrected, and normal website functionality was restored.',
    ),
  ],
};
