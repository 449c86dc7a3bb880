import { describe, expect, it } from 'vitest';
import { createDetector } from '../detector';
import { seedFrame, seedHello } from '../detector/fixtures';
import { SeriesStore } from '../series/series-store';
import { ingest, type IngestItem } from './ingest';

const store = () => new SeriesStore({ capacity: 100, maxAgeMs: Infinity });
const incident: IngestItem[] = [
  { hello: seedHello },
  ...Array.from({ length: 40 }, (_, i) => ({ frame: seedFrame(i) })),
];

describe('ingest', () => {
  it('puts every frame in the store and hands the detector each one it took', () => {
    const series = store();
    const detector = createDetector();
    const change = ingest({ series, detector }, incident);
    const alone = createDetector();
    alone.hello(seedHello);
    const expected = incident.flatMap((x) => ('frame' in x ? alone.frame(x.frame) : []));
    expect(series.length).toBe(40);
    expect(change.appended).toBe(40);
    expect(change.events.map((e) => `${e.state} ${e.rule}`)).toEqual([
      'firing share-skew',
      'resolved share-skew',
    ]);
    expect(change.events).toEqual(expected);
  });

  it.each([
    {
      name: 'a hello that adds servers',
      batch: [{ hello: seedHello }],
      appended: 0,
      servers: true,
    },
    {
      name: 'frames of the servers known',
      batch: [{ frame: seedFrame(0) }, { frame: seedFrame(1) }],
      appended: 2,
      servers: false,
    },
    {
      name: 'a repeated frame',
      batch: [{ frame: seedFrame(0) }, { frame: seedFrame(0) }],
      appended: 1,
      servers: false,
    },
  ])('says what changed: $name', ({ batch, appended, servers }) => {
    const series = store();
    if (!('hello' in batch[0]!)) series.setServers(seedHello.servers);
    const change = ingest({ series }, batch);
    expect([change.appended, change.serversChanged, change.events]).toEqual([
      appended,
      servers,
      [],
    ]);
  });

  it('judges a repeated frame once', () => {
    const series = store();
    const detector = createDetector();
    const twice = incident.flatMap((x): IngestItem[] => ('frame' in x ? [x, x] : [x]));
    expect(ingest({ series, detector }, twice).events).toHaveLength(2);
  });
});
