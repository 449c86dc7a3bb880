/**
 * judge(): a detector reading the caller's store (the one the views read) says what frame()
 * says when it keeps the frames itself.
 */
import { describe, expect, it } from 'vitest';
import { SeriesStore } from '../series/series-store';
import { createDetector } from './detector';
import { seedFrame, seedHello } from './fixtures';
import type { Frame, Hello } from '../protocol/protocol';

type Item = { hello: Hello } | { frame: Frame };

/** The seed incident, with a second hello halfway that drops app-10 (its samples stop). */
function items(): Item[] {
  const out: Item[] = [{ hello: seedHello }];
  for (let i = 0; i < 40; i++) {
    if (i === 20) {
      out.push({ hello: { ...seedHello, servers: seedHello.servers.slice(0, 9) } });
    }
    const f = seedFrame(i);
    out.push({ frame: i < 20 ? f : { ...f, samples: f.samples.slice(0, 9) } });
  }
  return out;
}

function byFrame(list: Item[]) {
  const d = createDetector();
  return list.flatMap((x) => ('hello' in x ? (d.hello(x.hello), []) : d.frame(x.frame)));
}

function byStore(list: Item[], store: SeriesStore) {
  const d = createDetector();
  return list.flatMap((x) => {
    if ('hello' in x) {
      store.setServers(x.hello.servers);
      d.hello(x.hello);
      return [];
    }
    store.push(x.frame);
    return d.judge(store, x.frame);
  });
}

describe('detector.judge over a store the caller keeps', () => {
  const expected = byFrame(items());

  it('fires and resolves as frame() does (the seed incident)', () => {
    expect(expected.map((e) => `${e.state} ${e.rule}`)).toEqual([
      'firing share-skew',
      'resolved share-skew',
    ]);
  });

  it.each([
    { name: 'a store holding the whole run', capacity: 100, maxAgeMs: Infinity },
    { name: 'a store holding just over the window', capacity: 4, maxAgeMs: 30_000 },
  ])('$name: the same events, messages and all', ({ capacity, maxAgeMs }) => {
    expect(byStore(items(), new SeriesStore({ capacity, maxAgeMs }))).toEqual(expected);
  });

  it('judges nothing twice, nor a frame the store does not hold', () => {
    const store = new SeriesStore({ capacity: 100, maxAgeMs: Infinity });
    const d = createDetector();
    d.hello(seedHello);
    store.setServers(seedHello.servers);
    const events = [];
    for (let i = 0; i < 12; i++) {
      store.push(seedFrame(i));
      events.push(...d.judge(store, seedFrame(i)), ...d.judge(store, seedFrame(i)));
    }
    expect(events.map((e) => e.rule)).toEqual(['share-skew']);
    expect(d.judge(store, { t: seedFrame(11).t + 5000, intervalMs: 10_000 })).toEqual([]);
  });
});
