/**
 * A CPU profile of a page over some work (CDP Profiler), reduced to the functions with the
 * most self time: where a missed goal's time goes.
 */
import type { CDPSession } from 'playwright-core';

export interface HotFunction {
  name: string;
  /** file:line in the served bundle (names survive: bench builds are not minified) */
  where: string;
  selfMs: number;
  /** of the non-idle time */
  share: number;
}

export async function profileWhile(
  cdp: CDPSession,
  work: () => Promise<unknown>,
  top = 10,
): Promise<HotFunction[]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busyUs = 0;
  samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const us = deltas[i + 1] ?? 0;
    if (frame.functionName === '(idle)') return;
    busyUs += us;
    const file = frame.url.split('/').pop() ?? '';
    const where = file ? `${file}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}@${where}`;
    const entry = self.get(key) ?? { name: frame.functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    self.set(key, entry);
  });
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, share: e.us / busyUs }));
}

export function hotTable(hot: readonly HotFunction[]): string {
  return hot
    .map(
      (h) =>
        `  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.name}  ${h.where}`,
    )
    .join('\n');
}
