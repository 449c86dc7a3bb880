import { describe, expect, it } from 'vitest';
import { AnnouncedServers } from './announced-servers';

const WINDOW = 3000;

/** The source lists these ids, or a frame at t seconds samples these ids (`id:0` idles). */
type Step = { list: string[] } | { t: number; sampled: string[] };

const sampleOf = (name: string) => {
  const idle = name.endsWith(':0');
  return {
    id: idle ? name.slice(0, -2) : name,
    requests: idle ? 0 : 10,
    latencyMs: idle ? null : { p50: 1, p95: 2, p99: 3 },
  };
};

/** Runs the steps; after each, the ids announced and `*` when a frame changed them. */
function run(steps: Step[]): string[] {
  const announced = new AnnouncedServers(WINDOW);
  return steps.map((step) => {
    let changed = false;
    if ('list' in step) announced.list(step.list.map((id) => ({ id, weight: 1 })));
    else changed = announced.frame({ t: step.t * 1000, samples: step.sampled.map(sampleOf) });
    return `${announced.servers.map((s) => s.id).join(',')}${changed ? ' *' : ''}`;
  });
}

const frames = (from: number, to: number, sampled: string[]): Step[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ t: from + i, sampled }));

describe('AnnouncedServers: what hello lists', () => {
  it.each<{ name: string; steps: Step[]; want: string[] }>([
    {
      name: 'the source’s list, in its order, before any frame',
      steps: [{ list: ['c', 'a', 'b'] }],
      want: ['c,a,b'],
    },
    {
      name: 'a server sampled with no requests is idle, not departed',
      steps: [{ list: ['a', 'b'] }, ...frames(1, 8, ['a', 'b:0'])],
      want: ['a,b', ...Array(8).fill('a,b')],
    },
    {
      name: 'a server with no sample for the window goes, on the frames’ clock',
      steps: [{ list: ['a', 'b'] }, { t: 1, sampled: ['a', 'b'] }, ...frames(2, 4, ['a'])],
      // b's last sample at 1 s is out of the 3 s window ending at 4 s
      want: ['a,b', 'a,b', 'a,b', 'a,b', 'a *'],
    },
    {
      name: 'a departed server sampled again is listed again',
      steps: [
        { list: ['a', 'b'] },
        { t: 1, sampled: ['a', 'b'] },
        ...frames(2, 4, ['a']),
        { t: 5, sampled: ['a', 'b:0'] },
      ],
      want: ['a,b', 'a,b', 'a,b', 'a,b', 'a *', 'a,b *'],
    },
    {
      name: 'a server listed anew and never sampled has the window from the next frame',
      steps: [...frames(1, 2, ['a']), { list: ['a', 'new'] }, ...frames(3, 6, ['a'])],
      want: ['', '', 'a,new', 'a,new', 'a,new', 'a,new', 'a *'],
    },
    {
      name: 'the source listing a departed server again does not bring it back',
      steps: [
        { list: ['a', 'b'] },
        { t: 1, sampled: ['a', 'b'] },
        ...frames(2, 4, ['a']),
        { list: ['a', 'b'] },
        { t: 5, sampled: ['a'] },
      ],
      want: ['a,b', 'a,b', 'a,b', 'a,b', 'a *', 'a', 'a'],
    },
    {
      name: 'a server the source stops listing goes at once',
      steps: [{ list: ['a', 'b'] }, { t: 1, sampled: ['a', 'b'] }, { list: ['a'] }],
      want: ['a,b', 'a,b', 'a'],
    },
    {
      name: 'a sample from a server the source does not list changes nothing',
      steps: [{ list: ['a'] }, ...frames(1, 5, ['a', 'pod-x'])],
      want: ['a', 'a', 'a', 'a', 'a', 'a'],
    },
  ])('$name', ({ steps, want }) => {
    expect(run(steps)).toEqual(want);
  });

  it('with pods that come and go, lists only those sampled in the window', () => {
    // the source lists every pod that lived in the last 10 frames; each lives 5
    const podsAt = (t: number) =>
      Array.from({ length: 5 }, (_, i) => t - i)
        .filter((b) => b >= 0)
        .map((b) => `pod-${b}`);
    const announced = new AnnouncedServers(WINDOW);
    for (let t = 0; t < 10_000; t++) {
      const stale = Array.from({ length: 10 }, (_, i) => t - i)
        .filter((b) => b >= 0)
        .map((b) => ({ id: `pod-${b}`, weight: 1 }));
      announced.list(stale);
      announced.frame({
        t: t * 1000,
        samples: podsAt(t).map((id) => ({ id, requests: 1, latencyMs: null })),
      });
      const ids = announced.servers.map((s) => s.id);
      // last sampled at birth + 4 s, in the 3 s window ending at t: born in t-6..t
      const want = stale.map((s) => s.id).filter((id) => Number(id.slice(4)) > t - 7);
      if (t % 1009 === 0) expect(ids, `t ${t}`).toEqual(want);
    }
  });
});
