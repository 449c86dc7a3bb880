import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../mocks/random';
import { FrameLineScanner } from './frame-line-scanner';
import type { Frame } from '../protocol/protocol';
import { parseRecordingLine, recordingLine } from './recording';

const encoder = new TextEncoder();
const T0 = Date.UTC(2024, 4, 15, 14, 0);

const frame: Frame = {
  v: 1,
  seq: 7,
  t: T0,
  intervalMs: 1000,
  samples: [
    {
      id: 'app-01',
      requests: 120,
      errors: 3,
      latencyMs: { p50: 21.5, p95: 80.25, p99: 140 },
      up: true,
      weight: 2,
    },
    { id: 'app-02', requests: 0, latencyMs: null, up: false },
  ],
};
const line = (f: object) => recordingLine('frame', f).trimEnd();

/** The scanner's reading of `text`, as the protocol's objects, or null when it declines. */
function scanned(text: string): Frame | null {
  const bytes = encoder.encode(text);
  const scanner = new FrameLineScanner();
  if (!scanner.scan(bytes, 0, bytes.length)) return null;
  const orAbsent = (x: number) => (Number.isNaN(x) ? undefined : x);
  return {
    v: 1,
    seq: scanner.seq,
    t: scanner.t,
    intervalMs: scanner.intervalMs,
    samples: Array.from({ length: scanner.count }, (_, i) => ({
      id: scanner.id(i),
      requests: scanner.requests[i]!,
      errors: orAbsent(scanner.errors[i]!),
      latencyMs: Number.isNaN(scanner.p50[i]!)
        ? null
        : { p50: scanner.p50[i]!, p95: scanner.p95[i]!, p99: scanner.p99[i]! },
      up: scanner.up[i] === -1 ? undefined : scanner.up[i] === 1,
      weight: orAbsent(scanner.weight[i]!),
    })),
  };
}

/** What the general reader (JSON.parse and the validator) makes of `text`, or its error. */
function general(text: string): Frame | Error {
  try {
    const parsed = parseRecordingLine(text, 1);
    if (parsed.type !== 'frame') return new Error(`a ${parsed.type} line`);
    return parsed.payload;
  } catch (err) {
    return err as Error;
  }
}

/** A frame as the scanner reports it: every optional field present, absent ones undefined. */
const withAbsent = (f: Frame): Frame => ({
  v: f.v,
  seq: f.seq,
  t: f.t,
  intervalMs: f.intervalMs,
  samples: f.samples.map((s) => ({
    id: s.id,
    requests: s.requests,
    errors: s.errors,
    latencyMs: s.latencyMs,
    up: s.up,
    weight: s.weight,
  })),
});

describe('a frame line read straight from its bytes', () => {
  it('reads a gateway’s line as JSON.parse and the validator do', () => {
    expect(scanned(line(frame))).toEqual(withAbsent(frame));
  });

  it('reads the keys in any order, and a frame with no samples', () => {
    const reordered = `{"samples":[{"latencyMs":{"p99":3,"p50":1,"p95":2},"requests":5,"id":"a"}],"t":${T0},"type":"frame","intervalMs":500,"seq":0,"v":1}`;
    expect(scanned(reordered)).toEqual(withAbsent(general(reordered) as Frame));
    const empty = line({ ...frame, samples: [] });
    expect(scanned(empty)).toEqual(withAbsent({ ...frame, samples: [] }));
  });

  it('reads each number as the nearest double, as JSON.parse does', () => {
    const figures = ['0.1', '0.3', '12.345', '999999999999.5', '0.000001', '5.0', '1234567.891'];
    for (const figure of figures) {
      const text = line(frame).replace(
        '{"p50":21.5,"p95":80.25,"p99":140}',
        `{"p50":${figure},"p95":${figure},"p99":${figure}}`,
      );
      expect(scanned(text)?.samples[0]!.latencyMs?.p99).toBe(JSON.parse(figure));
    }
  });

  it('reads a frame of 500 servers, and finds a repeated id among them', () => {
    const samples = Array.from({ length: 500 }, (_, i) => ({
      id: `app-${i}`,
      requests: i,
      latencyMs: i === 0 ? null : { p50: i, p95: i + 0.5, p99: i + 1 },
    }));
    const big = { ...frame, samples };
    expect(scanned(line(big))).toEqual(withAbsent(big));
    // the same scanner again, its columns and its table of ids already grown
    const scanner = new FrameLineScanner();
    const read = (f: Frame) => {
      const bytes = encoder.encode(line(f));
      return scanner.scan(bytes, 0, bytes.length);
    };
    expect(read(big)).toBe(true);
    for (const at of [1, 63, 64, 499]) {
      const repeated = samples.map((s, i) => (i === at ? { ...s, id: 'app-0' } : s));
      expect(read({ ...frame, samples: repeated }), `id ${at}`).toBe(false);
      expect((general(line({ ...frame, samples: repeated })) as Error).message).toContain(
        `samples[${at}].id: repeats "app-0"`,
      );
    }
    expect(read(big)).toBe(true);
    expect(scanner.count).toBe(500);
  });

  it('reads a line only up to its end', () => {
    const two = encoder.encode(line(frame) + '\n' + line(frame));
    const scanner = new FrameLineScanner();
    const end = two.indexOf(0x0a);
    expect(scanner.scan(two, 0, end)).toBe(true);
    expect(scanner.scan(two, 0, end - 1)).toBe(false);
    expect(scanner.scan(two, end + 1, two.length)).toBe(true);
  });

  // each declined line goes to the general reader, which accepts it or says what is wrong
  it.each([
    ['a space', line(frame).replace('"t":', '"t": ')],
    ['a carriage return at the end', line(frame) + '\r'],
    ['an escape in an id', line(frame).replace('app-01', 'app\\u002d01')],
    ['an id beyond ASCII', line(frame).replace('app-01', 'app-é')],
    ['an exponent', line(frame).replace('"p99":140', '"p99":1.4e2')],
    ['sixteen digits', line(frame).replace('"p99":140', '"p99":140.0000000000001')],
    ['a key it does not know', line({ ...frame, region: 'eu' })],
    ['a key twice', line(frame).replace('"v":1,', '"v":1,"v":1,')],
    [
      'a sample key twice',
      line(frame).replace('"requests":120,', '"requests":120,"requests":120,'),
    ],
    ['a leading zero', line(frame).replace('"requests":120', '"requests":0120')],
    ['a type that is not frame', line(frame).replace('"type":"frame"', '"type":"hello"')],
  ])('declines %s', (_, text) => {
    expect(scanned(text)).toBeNull();
  });

  it.each([
    ['a negative count', line(frame).replace('"requests":120', '"requests":-120')],
    ['a count with a fraction', line(frame).replace('"requests":120', '"requests":120.5')],
    ['more errors than requests', line(frame).replace('"errors":3', '"errors":300')],
    [
      'latency with no requests',
      line(frame).replace(
        '"requests":0,"latencyMs":null',
        '"requests":0,"latencyMs":{"p50":1,"p95":1,"p99":1}',
      ),
    ],
    ['p95 under p50', line(frame).replace('"p95":80.25', '"p95":1')],
    ['a missing p99', line(frame).replace(',"p99":140', '')],
    ['no latencyMs at all', line(frame).replace(',"latencyMs":null', '')],
    ['no id', line(frame).replace('"id":"app-02",', '')],
    ['a repeated id', line(frame).replace('app-02', 'app-01')],
    ['version 2', line(frame).replace('"v":1', '"v":2')],
    ['an interval of 0', line(frame).replace('"intervalMs":1000', '"intervalMs":0')],
    ['no seq', line(frame).replace('"seq":7,', '')],
    ['up as a string', line(frame).replace('"up":true', '"up":"true"')],
    ['a string as requests', line(frame).replace('"requests":120', '"requests":"120"')],
    ['samples as an object', line({ ...frame, samples: {} })],
    ['a cut-off line', line(frame).slice(0, -5)],
  ])('declines %s, which the general reader refuses', (_, text) => {
    expect(scanned(text)).toBeNull();
    expect(general(text)).toBeInstanceOf(Error);
  });
});

describe('the scanner agrees with the general reader on any line', () => {
  const random = mulberry32(2024_05_15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // now and then a double with all its 17 digits, which the scanner leaves to JSON.parse
  const figure = () =>
    random() < 0.02
      ? random() * 1000
      : pick([
          () => Math.floor(random() * 1000),
          () => Math.round(random() * 1e5) / 100,
          () => 0,
        ])();
  const shuffled = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).sort(() => random() - 0.5));

  function randomFrame(): object {
    const n = Math.floor(random() * 6);
    const samples = Array.from({ length: n }, (_, i) => {
      const requests = pick([0, 1, Math.floor(random() * 500)]);
      const [a, b, c] = [figure(), figure(), figure()].sort((x, y) => x - y);
      const s: Record<string, unknown> = {
        id: pick([`app-${i}`, `web-${i}`, `${i}`]),
        requests,
        latencyMs: requests === 0 ? null : shuffled({ p50: a, p95: b, p99: c }),
      };
      if (random() < 0.5) s.errors = Math.floor(random() * (requests + 1));
      if (random() < 0.5) s.up = random() < 0.8;
      if (random() < 0.5) s.weight = pick([0, 1, 2.5, figure()]);
      return shuffled(s);
    });
    return {
      type: 'frame',
      ...shuffled({
        v: 1,
        seq: Math.floor(random() * 1e6),
        t: T0 + Math.floor(random() * 1e7),
        intervalMs: pick([1, 1000, 15000]),
        samples,
      }),
    };
  }

  // a few bytes changed at random: most such lines are bad, some still good
  function mutated(text: string): string {
    const chars = [...text];
    const edits = 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * chars.length);
      const c = pick(['0', '9', '.', '-', ',', '"', ':', '{', '}', '[', ']', ' ', 'e', 'n', '']);
      if (random() < 0.5) chars[at] = c;
      else chars.splice(at, 0, c);
    }
    return chars.join('');
  }

  it('on 20,000 random lines, good and mutated: what it reads the general reader reads the same, and it reads nothing the general reader refuses', () => {
    let read = 0;
    let refused = 0;
    for (let k = 0; k < 20_000; k++) {
      const good = JSON.stringify(randomFrame());
      const text = k % 2 === 0 ? good : mutated(good);
      const fast = scanned(text);
      const slow = general(text);
      if (slow instanceof Error) {
        refused++;
        expect(fast, text).toBeNull();
      } else if (fast !== null) {
        read++;
        expect(fast, text).toEqual(withAbsent(slow));
      }
    }
    // both kinds were tried, many times
    expect(read).toBeGreaterThan(7_000);
    expect(refused).toBeGreaterThan(5_000);
    // 40,000 reads: seconds on a loaded machine, and not a measure of speed
  }, 60_000);
});
