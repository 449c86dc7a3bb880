import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../protocol/protocol';
import { handoverTransitions } from './handover';

const alert = (id: string, t = 100): AlertPayload => ({
  v: 1,
  id,
  state: 'firing',
  t,
  since: t,
  rule: 'share-skew',
  servers: [id],
  cause: 'load-balancer',
  message: `${id} skews`,
});

describe('handoverTransitions', () => {
  it.each([
    { name: 'both agree: nothing is sent', announced: ['a'], found: ['a'], want: [] },
    { name: 'nothing firing anywhere', announced: [], found: [], want: [] },
    {
      name: 'announced, no longer found: resolved',
      announced: ['a'],
      found: [],
      want: ['a resolved'],
    },
    { name: 'found, never announced: fires', announced: [], found: ['b'], want: ['b firing'] },
    {
      name: 'one of each',
      announced: ['a', 'c'],
      found: ['c', 'b'],
      want: ['a resolved', 'b firing'],
    },
  ])('$name', ({ announced, found, want }) => {
    const sent = handoverTransitions(
      announced.map((id) => alert(id)),
      found.map((id) => alert(id)),
      500,
    );
    expect(sent.map((a) => `${a.id} ${a.state}`)).toEqual(want);
  });

  it('resolves at the last frame both saw, keeping the id and since', () => {
    const [resolved] = handoverTransitions([alert('a', 100)], [], 500);
    expect(resolved).toMatchObject({ id: 'a', state: 'resolved', t: 500, since: 100 });
  });
});
