import { describe, expect, it } from 'vitest';
import { headline, joinLines, plainText } from './plain-text';

describe('plainText strips markdown, keeps everything else as written', () => {
  it.each([
    { md: '**10:00 AM:** The issue was detected', want: '10:00 AM: The issue was detected' },
    { md: '__bold__ and *italic* and _also_', want: 'bold and italic and also' },
    { md: 'see [the dashboard](https://monitor/x) now', want: 'see the dashboard now' },
    { md: 'see [the runbook][rb]', want: 'see the runbook' },
    { md: '![graph](https://x/y.png) spike', want: 'graph spike' },
    { md: '<https://status.example.com>', want: 'https://status.example.com' },
    { md: 'ran `pg_dump --all`', want: 'ran pg_dump --all' },
    { md: '~~wrong~~ right', want: 'wrong right' },
    { md: 'snake_case_name and 2*3*4', want: 'snake_case_name and 2*3*4' },
    { md: 'literal \\*stars\\* and \\_under\\_', want: 'literal *stars* and _under_' },
    // untrusted text stays text: HTML is neither run nor removed, and a link keeps no URL
    { md: '<img src=x onerror=alert(1)> done', want: '<img src=x onerror=alert(1)> done' },
    { md: '[click](javascript:alert(1))', want: 'click' },
    { md: 'tab\there\u0000and  spaces ', want: 'tab here and spaces' },
  ])('$md', ({ md, want }) => {
    expect(plainText(md)).toBe(want);
  });
});

describe('headline', () => {
  it.each([
    { text: 'Alert fired.', want: 'Alert fired' },
    { text: 'Queue drained; incident resolved', want: 'Queue drained; incident resolved' },
    {
      text: 'Resolved - This incident has been resolved. Error rates are normal.',
      want: 'Resolved - This incident has been resolved',
    },
    { text: 'Deploy v2.3.1 shipped. Then it broke.', want: 'Deploy v2.3.1 shipped' },
    { text: 'Is it DNS? It is DNS.', want: 'Is it DNS?' },
    // too long: the lead-in goes, then the first clause, then a cut at a word
    {
      text: 'After reviewing load balancer configurations, the misconfiguration was identified as the root cause.',
      want: 'The misconfiguration was identified as the root cause',
    },
    {
      text: 'The misconfiguration was corrected, and normal website functionality was restored.',
      want: 'The misconfiguration was corrected',
    },
    {
      text: 'The issue was detected when the monitoring system triggered an alert for increased latency on the website.',
      want: 'The issue was detected when the monitoring system triggered an alert for…',
    },
    {
      text: 'Annotate — Dana Lee: "root cause identified: connection pool exhausted after deploy 8812"',
      want: 'Annotate — Dana Lee: "root cause identified: connection pool exhausted after…',
    },
    { text: 'x'.repeat(120), want: `${'x'.repeat(79)}…` },
  ])('$text', ({ text, want }) => {
    const title = headline(text);
    expect(title).toBe(want);
    expect(title.length).toBeLessThanOrEqual(80);
  });
});

describe('joinLines', () => {
  it.each([
    { parts: ['one line'], want: 'one line' },
    { parts: ['wrapped at', 'the end'], want: 'wrapped at the end' },
    {
      parts: ['Resolved', 'This incident has been resolved.'],
      want: 'Resolved: This incident has been resolved.',
    },
    { parts: ['', 'body'], want: 'body' },
    { parts: [], want: '' },
  ])('$parts', ({ parts, want }) => {
    expect(joinLines(parts)).toBe(want);
  });
});
