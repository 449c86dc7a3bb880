import { describe, expect, it } from 'vitest';
import { balancerComplaint } from './balancer-message';

const config = { text: '', lineMap: [1, 5, 0, 9] };

describe('balancerComplaint', () => {
  it.each([
    [
      '[NOTICE] (1) : haproxy version\n[ALERT] (1) : config : parsing [/tmp/d/haproxy.cfg:2] : unknown keyword\n[ALERT] (1) : config : Error(s) found in configuration file : /tmp/d/haproxy.cfg',
      '[ALERT] (1) : config : parsing [lb.cfg:5] : unknown keyword\n[ALERT] (1) : config : Error(s) found in configuration file : lb.cfg',
    ],
    [
      '2026/01/01 [emerg] 7#7: invalid parameter "x" in /tmp/d/haproxy.cfg:4',
      '2026/01/01 [emerg] 7#7: invalid parameter "x" in lb.cfg:9',
    ],
    ['[ALERT] x [/tmp/d/haproxy.cfg:3]', '[ALERT] x [lb.cfg (a line test-lb added: 3)]'],
  ])('%#', (output, said) =>
    expect(balancerComplaint(output, '/tmp/d/haproxy.cfg', config, 'lb.cfg')).toBe(said),
  );
});
