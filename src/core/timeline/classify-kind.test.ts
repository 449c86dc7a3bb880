import { describe, expect, it } from 'vitest';
import type { AnnotationKind } from '../protocol/protocol';
import { classifyKind } from './classify-kind';

describe('classifyKind', () => {
  it.each<{ text: string; kind: AnnotationKind }>([
    // the seed postmortem, entry by entry
    {
      text: 'The issue was detected when the monitoring system triggered an alert for increased latency on the website.',
      kind: 'detected',
    },
    // "noticed" and "investigating": the later stage wins
    {
      text: 'Engineers noticed a spike in error rates and slow response times while investigating the issue.',
      kind: 'investigating',
    },
    {
      text: 'Initial investigation focused on backend server performance and database connectivity issues.',
      kind: 'investigating',
    },
    // "revealed discrepancies" is a symptom found by analysis, not the cause: the cause is named at 11:30
    {
      text: 'Further analysis revealed discrepancies in traffic distribution among backend servers.',
      kind: 'investigating',
    },
    {
      text: 'The incident was escalated to the DevOps team for a more in-depth investigation.',
      kind: 'escalated',
    },
    {
      text: 'After reviewing load balancer configurations, the misconfiguration was identified as the root cause.',
      kind: 'identified',
    },
    {
      text: 'The misconfiguration was corrected, and normal website functionality was restored.',
      kind: 'resolved',
    },
    // the words of the rules
    { text: 'PagerDuty alerted the on-call engineer', kind: 'detected' },
    { text: 'On-call engineer paged', kind: 'detected' },
    { text: 'Customers reported timeouts', kind: 'detected' },
    { text: 'HighLatency firing for service=checkout', kind: 'detected' },
    { text: 'Team looking into elevated 5xx', kind: 'investigating' },
    { text: 'Acknowledged by Dana Lee', kind: 'investigating' },
    { text: 'Sam paged the payments-infra team', kind: 'escalated' },
    { text: 'Database on-call engaged', kind: 'escalated' },
    { text: 'Declared a SEV1 incident', kind: 'escalated' },
    { text: 'Root cause found: expired certificate', kind: 'identified' },
    { text: 'We determined the leak was in the pool', kind: 'identified' },
    { text: 'Deploy 8812 rolled back', kind: 'resolved' },
    { text: 'Mitigated by shedding load', kind: 'resolved' },
    { text: 'Engineers deployed a fix', kind: 'resolved' },
    { text: 'A fix has been implemented and we are monitoring the results.', kind: 'resolved' },
    { text: 'The issue has been identified and a fix is being implemented.', kind: 'identified' },
    { text: 'Error rates returned to normal', kind: 'resolved' },
    { text: 'Configuration change rolled out to the purge API', kind: 'change' },
    { text: 'Newsletter goes out', kind: 'note' },
    { text: '', kind: 'note' },
    // a stage that did not happen is not that stage
    { text: 'Restart did not resolve the issue; still investigating', kind: 'investigating' },
    { text: "Service hasn't been restored yet", kind: 'note' },
    {
      text: 'Failed to identify the cause from the logs; escalated to the vendor',
      kind: 'escalated',
    },
    // whole words only
    { text: 'Unresolvedness report filed', kind: 'note' },
  ])('$kind: $text', ({ text, kind }) => {
    expect(classifyKind(text)).toBe(kind);
  });
});
