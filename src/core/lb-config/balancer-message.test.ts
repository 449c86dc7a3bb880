import { describe, expect, it } from 'vitest';
import { balancerComplaint } from './balancer-message';

const config = { text: '', lineMap: [1, 5, 0, 9] };
// where test-lb wrote the rewritten configuration: its own scratch folder, never shown
const RUN = 'test-lb-run/haproxy.cfg';

describe('balancerComplaint', () => {
  it.each([
    [
      `[NOTICE] (1) : haproxy version\n[ALERT] (1) : config : parsing [${RUN}:2] : unknown keyword\n[ALERT] (1) : config : Error(s) found in configuration file : ${RUN}`,
      '[ALERT] (1) : config : parsing [lb.cfg:5] : unknown keyword\n[ALERT] (1) : config : Error(s) found in configuration file : lb.cfg',
    ],
    [
      `2026/01/01 [emerg] 7#7: invalid parameter "x" in ${RUN}:4`,
      '2026/01/01 [emerg] 7#7: invalid parameter "x" in lb.cfg:9',
    ],
    [`[ALERT] x [${RUN}:3]`, '[ALERT] x [lb.cfg (a line test-lb added: 3)]'],
  ])('%#', (output, said) => expect(balancerComplaint(output, RUN, config, 'lb.cfg')).toBe(said));
});
