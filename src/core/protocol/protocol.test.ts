import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_KINDS,
  parseHandshakeAuth,
  parsePayload,
  writeAck,
  type GatewayEventName,
} from './protocol';

const T0 = Date.UTC(2024, 4, 15, 14, 0);

const hello = {
  v: 1,
  source: 'sim:lb-misconfig',
  mode: 'live',
  intervalMs: 1000,
  servers: [
    { id: 'web-1', weight: 1 },
    { id: 'web-2', label: 'Web 2', pool: 'east', weight: 3 },
  ],
  now: T0,
};

const busy = { id: 'web-1', requests: 100, errors: 2, latencyMs: { p50: 20, p95: 80, p99: 120 } };
const idle = { id: 'web-2', requests: 0, latencyMs: null, up: false, weight: 0 };
const frame = { v: 1, seq: 7, t: T0, intervalMs: 1000, samples: [busy, idle] };

const annotation = { v: 1, id: 'a1', t: T0, title: 'Deploy 4.2', kind: 'change' };

/** The frame with sample `i` changed. */
const frameWithSample = (i: number, patch: Record<string, unknown>) => ({
  ...frame,
  samples: frame.samples.map((s, j) => (j === i ? { ...s, ...patch } : s)),
});

/** `base` without `key`. */
const without = (base: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));

describe('parsePayload accepts', () => {
  it.each<{ name: string; event: GatewayEventName; payload: unknown }>([
    { name: 'a hello', event: 'hello', payload: hello },
    { name: 'a hello with no servers', event: 'hello', payload: { ...hello, servers: [] } },
    {
      name: 'a replay hello with every optional field',
      event: 'hello',
      payload: {
        ...hello,
        mode: 'replay',
        tz: '-04:00',
        oldestSeq: 0,
        speed: 60,
        gatewayId: 'g-1',
      },
    },
    {
      name: 'a hello whose source only knows a mean latency',
      event: 'hello',
      payload: { ...hello, latency: 'mean' },
    },
    {
      name: 'a hello whose source knows latency quantiles',
      event: 'hello',
      payload: { ...hello, latency: 'quantiles' },
    },
    {
      name: 'a hello that says which skewboard sent it',
      event: 'hello',
      payload: { ...hello, version: '0.2.0' },
    },
    {
      name: 'a hello with fields from a newer gateway',
      event: 'hello',
      payload: { ...hello, region: 'us-east', servers: [{ id: 'web-1', weight: 1, az: 'a' }] },
    },
    { name: 'a frame', event: 'frame', payload: frame },
    { name: 'a frame with no samples', event: 'frame', payload: { ...frame, samples: [] } },
    {
      name: 'a frame with equal percentiles and errors == requests',
      event: 'frame',
      payload: frameWithSample(0, {
        requests: 5,
        errors: 5,
        latencyMs: { p50: 30, p95: 30, p99: 30 },
      }),
    },
    {
      name: 'a sample with requests but no latency',
      event: 'frame',
      payload: frameWithSample(0, { latencyMs: null }),
    },
    {
      name: 'a frame with fields from a newer gateway',
      event: 'frame',
      payload: { ...frameWithSample(0, { cpu: 0.4 }), source: 'x' },
    },
    { name: 'an annotation', event: 'annotation', payload: annotation },
    {
      name: 'an annotation with every optional field',
      event: 'annotation',
      payload: {
        ...annotation,
        endT: T0 + 60_000,
        text: '<b>not html</b>',
        source: 'postmortem',
        tags: ['lb', 'deploy'],
      },
    },
    {
      name: 'an annotation with every field at its limit',
      event: 'annotation',
      payload: {
        ...annotation,
        id: 'i'.repeat(200),
        title: 't'.repeat(200),
        text: 'x'.repeat(10_000),
        source: 's'.repeat(200),
        tags: Array.from({ length: 20 }, () => 'g'.repeat(64)),
      },
    },
    {
      name: 'an annotation that ends when it starts',
      event: 'annotation',
      payload: { ...annotation, endT: T0 },
    },
    {
      name: 'an annotation with fields from a newer gateway',
      event: 'annotation',
      payload: { ...annotation, colour: 'red' },
    },
    ...ANNOTATION_KINDS.map((kind) => ({
      name: `an annotation of kind ${kind}`,
      event: 'annotation' as const,
      payload: { ...annotation, kind },
    })),
    { name: 'an annotation:remove', event: 'annotation:remove', payload: { v: 1, id: 'a1' } },
    {
      name: 'an annotation:remove with extra fields',
      event: 'annotation:remove',
      payload: { v: 1, id: 'a1', by: 'alice' },
    },
  ])('$name', ({ event, payload }) => {
    expect(parsePayload(event, payload)).toEqual({ ok: true, value: payload });
  });
});

describe('parsePayload rejects, naming the event and the path', () => {
  it.each<{ name: string; event: GatewayEventName; payload: unknown; error: string }>([
    {
      name: 'a hello of protocol v2',
      event: 'hello',
      payload: { ...hello, v: 2 },
      error: 'hello: v: expected 1, got the number 2',
    },
    {
      name: 'a hello without a source',
      event: 'hello',
      payload: without(hello, 'source'),
      error: 'hello: source: is missing',
    },
    {
      name: 'a hello with an unknown mode',
      event: 'hello',
      payload: { ...hello, mode: 'paused' },
      error: 'hello: mode: expected "live" or "replay", got the string "paused"',
    },
    {
      name: 'a hello whose version is not a string',
      event: 'hello',
      payload: { ...hello, version: 2 },
      error: 'hello: version: expected a string, got the number 2',
    },
    {
      name: 'a hello with a zero interval',
      event: 'hello',
      payload: { ...hello, intervalMs: 0 },
      error: 'hello: intervalMs: expected a finite number >= 1, got the number 0',
    },
    {
      name: 'a hello that names a server twice',
      event: 'hello',
      payload: { ...hello, servers: [...hello.servers, { id: 'web-1', weight: 2 }] },
      error: 'hello: servers[2].id: repeats "web-1"',
    },
    {
      name: 'a hello with a negative weight',
      event: 'hello',
      payload: { ...hello, servers: [{ id: 'web-1', weight: -1 }] },
      error: 'hello: servers[0].weight: expected a finite number >= 0, got the number -1',
    },
    {
      name: 'a hello with a server without a weight',
      event: 'hello',
      payload: { ...hello, servers: [{ id: 'web-1' }] },
      error: 'hello: servers[0].weight: is missing',
    },
    {
      name: 'a hello with a latency kind it does not know',
      event: 'hello',
      payload: { ...hello, latency: 'average' },
      error: 'hello: latency: expected "quantiles" or "mean", got the string "average"',
    },
    {
      name: 'a hello with a latency that is not a string',
      event: 'hello',
      payload: { ...hello, latency: null },
      error: 'hello: latency: expected "quantiles" or "mean", got null',
    },
    {
      name: 'a hello with a fractional oldestSeq',
      event: 'hello',
      payload: { ...hello, oldestSeq: 1.5 },
      error: 'hello: oldestSeq: expected an integer >= 0, got the number 1.5',
    },
    {
      name: 'a hello that is null',
      event: 'hello',
      payload: null,
      error: 'hello: expected an object, got null',
    },
    {
      name: 'a frame of protocol v2',
      event: 'frame',
      payload: { ...frame, v: 2 },
      error: 'frame: v: expected 1, got the number 2',
    },
    {
      name: 'a frame with a non-integer seq',
      event: 'frame',
      payload: { ...frame, seq: 7.5 },
      error: 'frame: seq: expected an integer >= 0, got the number 7.5',
    },
    {
      name: 'a frame with seq as a string',
      event: 'frame',
      payload: { ...frame, seq: '7' },
      error: 'frame: seq: expected an integer >= 0, got the string "7"',
    },
    {
      name: 'a frame with t NaN',
      event: 'frame',
      payload: { ...frame, t: NaN },
      error: 'frame: t: expected a finite number >= 0, got the number NaN',
    },
    {
      name: 'a frame without t',
      event: 'frame',
      payload: without(frame, 't'),
      error: 'frame: t: is missing',
    },
    {
      name: 'a frame whose samples are not an array',
      event: 'frame',
      payload: { ...frame, samples: { 'web-1': busy } },
      error: 'frame: samples: expected an array, got object',
    },
    {
      name: 'a frame that names a server twice',
      event: 'frame',
      payload: { ...frame, samples: [busy, idle, { ...busy }] },
      error: 'frame: samples[2].id: repeats "web-1"',
    },
    {
      name: 'negative requests',
      event: 'frame',
      payload: frameWithSample(0, { requests: -3 }),
      error: 'frame: samples[0].requests: expected an integer >= 0, got the number -3',
    },
    {
      name: 'more errors than requests',
      event: 'frame',
      payload: frameWithSample(1, { requests: 4, errors: 5, latencyMs: busy.latencyMs }),
      error: 'frame: samples[1].errors: 5 errors is more than 4 requests',
    },
    {
      name: 'a latency with no requests',
      event: 'frame',
      payload: frameWithSample(1, { latencyMs: busy.latencyMs }),
      error: 'frame: samples[1].latencyMs: must be null when requests is 0',
    },
    {
      name: 'a sample without latencyMs',
      event: 'frame',
      payload: { ...frame, samples: [without(busy, 'latencyMs')] },
      error: 'frame: samples[0].latencyMs: is missing',
    },
    {
      name: 'p50 above p95',
      event: 'frame',
      payload: frameWithSample(0, { latencyMs: { p50: 90, p95: 80, p99: 120 } }),
      error: 'frame: samples[0].latencyMs: needs p50 <= p95 <= p99',
    },
    {
      name: 'an infinite p99',
      event: 'frame',
      payload: frameWithSample(0, { latencyMs: { p50: 20, p95: 80, p99: Infinity } }),
      error:
        'frame: samples[0].latencyMs.p99: expected a finite number >= 0, got the number Infinity',
    },
    {
      name: 'up as a string',
      event: 'frame',
      payload: frameWithSample(1, { up: 'no' }),
      error: 'frame: samples[1].up: expected a boolean, got the string "no"',
    },
    {
      name: 'an annotation of an unknown kind',
      event: 'annotation',
      payload: { ...annotation, kind: 'incident' },
      error:
        'annotation: kind: expected "detected" or "investigating" or "escalated" or "identified"' +
        ' or "resolved" or "change" or "alert" or "note", got the string "incident"',
    },
    {
      name: 'an annotation that ends before it starts',
      event: 'annotation',
      payload: { ...annotation, endT: T0 - 1 },
      error: 'annotation: endT: is before t',
    },
    {
      name: 'an annotation without a title',
      event: 'annotation',
      payload: without(annotation, 'title'),
      error: 'annotation: title: is missing',
    },
    {
      name: 'an annotation without an id',
      event: 'annotation',
      payload: without(annotation, 'id'),
      error: 'annotation: id: is missing',
    },
    {
      name: 'an annotation with a tag that is not a string',
      event: 'annotation',
      payload: { ...annotation, tags: ['lb', 7] },
      error: 'annotation: tags[1]: expected a string, got the number 7',
    },
    {
      name: 'an annotation whose id is longer than the limit',
      event: 'annotation',
      payload: { ...annotation, id: 'x'.repeat(201) },
      error: 'annotation: id: is 201 characters long, at most 200',
    },
    {
      name: 'an annotation whose title is longer than the limit',
      event: 'annotation',
      payload: { ...annotation, title: 't'.repeat(201) },
      error: 'annotation: title: is 201 characters long, at most 200',
    },
    {
      name: 'an annotation whose text is longer than the limit',
      event: 'annotation',
      payload: { ...annotation, text: 'x'.repeat(10_001) },
      error: 'annotation: text: is 10001 characters long, at most 10000',
    },
    {
      name: 'an annotation whose source is longer than the limit (900 KB)',
      event: 'annotation',
      payload: { ...annotation, source: 's'.repeat(900_000) },
      error: 'annotation: source: is 900000 characters long, at most 200',
    },
    {
      name: 'an annotation with more tags than the limit',
      event: 'annotation',
      payload: { ...annotation, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      error: 'annotation: tags: has 21 items, at most 20',
    },
    {
      name: 'an annotation with a tag longer than the limit',
      event: 'annotation',
      payload: { ...annotation, tags: ['lb', 'x'.repeat(65)] },
      error: 'annotation: tags[1]: is 65 characters long, at most 64',
    },
    {
      name: 'an annotation:remove whose id is longer than the limit',
      event: 'annotation:remove',
      payload: { v: 1, id: 'x'.repeat(201) },
      error: 'annotation:remove: id: is 201 characters long, at most 200',
    },
    {
      name: 'an annotation:remove without an id',
      event: 'annotation:remove',
      payload: { v: 1 },
      error: 'annotation:remove: id: is missing',
    },
    {
      name: 'an annotation:remove of protocol v2',
      event: 'annotation:remove',
      payload: { v: 2, id: 'a1' },
      error: 'annotation:remove: v: expected 1, got the number 2',
    },
  ])('$name', ({ event, payload, error }) => {
    expect(parsePayload(event, payload)).toEqual({ ok: false, error });
  });
});

const hostile = {
  get v(): number {
    throw new Error('getter blew up');
  },
};
const revoked = Proxy.revocable({}, {});
revoked.revoke();

describe.each<GatewayEventName>(['hello', 'frame', 'annotation', 'annotation:remove'])(
  'parsePayload(%s) never throws',
  (event) => {
    it.each<{ name: string; payload: unknown }>([
      { name: 'undefined', payload: undefined },
      { name: 'a number', payload: 42 },
      { name: 'a string', payload: '{"v":1}' },
      { name: 'an array', payload: [frame] },
      { name: 'an empty object', payload: {} },
      { name: 'an object whose getter throws', payload: hostile },
      { name: 'a revoked proxy', payload: revoked.proxy },
    ])('on $name', ({ payload }) => {
      const result = parsePayload(event, payload);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(`^${event}: `) });
    });
  },
);

it('parsePayload of an event it does not know returns an error naming it', () => {
  const result = parsePayload('bogus' as GatewayEventName, frame);
  expect(result).toEqual({ ok: false, error: expect.stringMatching(/^bogus: /) });
});

describe('the alert payload', () => {
  const alert = {
    v: 1,
    id: 'share-skew:app-04,app-07:1715781330000',
    state: 'firing',
    t: T0,
    since: T0,
    rule: 'share-skew',
    servers: ['app-04', 'app-07'],
    cause: 'load-balancer',
    message: 'app-04, app-07 get 2.2x their weighted share',
  };

  it.each<{ name: string; payload: unknown }>([
    { name: 'a firing alert', payload: alert },
    { name: 'its resolution', payload: { ...alert, state: 'resolved', t: T0 + 60_000 } },
    { name: 'an alert naming no server', payload: { ...alert, servers: [] } },
  ])('accepts $name', ({ payload }) => {
    expect(parsePayload('alert', payload)).toEqual({ ok: true, value: payload });
  });

  it.each<{ name: string; payload: unknown; error: string }>([
    { name: 'an unknown rule', payload: { ...alert, rule: 'vibes' }, error: 'alert: rule:' },
    { name: 'an unknown state', payload: { ...alert, state: 'pending' }, error: 'alert: state:' },
    { name: 'an unknown cause', payload: { ...alert, cause: 'dns' }, error: 'alert: cause:' },
    { name: 'no id', payload: without(alert, 'id'), error: 'alert: id: is missing' },
    { name: 'no since', payload: without(alert, 'since'), error: 'alert: since: is missing' },
    { name: 'since after t', payload: { ...alert, since: T0 + 1 }, error: 'alert: since:' },
    {
      name: 'a server that is not a string',
      payload: { ...alert, servers: [4] },
      error: 'alert: servers[0]:',
    },
    {
      name: 'an id past its bound',
      payload: { ...alert, id: 'x'.repeat(301) },
      error: 'alert: id:',
    },
    {
      name: 'a message past its bound',
      payload: { ...alert, message: 'm'.repeat(10_001) },
      error: 'alert: message:',
    },
    {
      name: 'a server id past its bound',
      payload: { ...alert, servers: ['s'.repeat(1_001)] },
      error: 'alert: servers[0]:',
    },
    {
      name: 'too many servers',
      payload: { ...alert, servers: Array.from({ length: 10_001 }, (_, i) => `s${i}`) },
      error: 'alert: servers:',
    },
  ])('rejects $name, naming the path', ({ payload, error }) => {
    const parsed = parsePayload('alert', payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});

describe('the source-status payload', () => {
  it('says why frames stopped, or that a replay finished', () => {
    for (const payload of [
      { v: 1, state: 'failing', problem: 'requests query: fetch failed (connect ECONNREFUSED)' },
      { v: 1, state: 'finished' },
      { v: 1, state: 'ok' },
    ]) {
      expect(parsePayload('source-status', payload)).toEqual({ ok: true, value: payload });
    }
  });

  it('rejects an unknown state and an unbounded problem, naming the path', () => {
    const unknown = parsePayload('source-status', { v: 1, state: 'down' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain('state');
    const long = parsePayload('source-status', {
      v: 1,
      state: 'failing',
      problem: 'x'.repeat(1001),
    });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toContain('problem');
  });
});

describe('the handshake auth', () => {
  it.each<{ auth: unknown }>([
    { auth: {} },
    { auth: { token: 'R', resumeAfterSeq: 0 } },
    { auth: { writeToken: 'W', resumeAfterSeq: 41, gatewayId: 'g-1' } },
    // a newer client may add fields
    { auth: { token: 'R', client: 'wall' } },
  ])('accepts $auth', ({ auth }) => {
    expect(parseHandshakeAuth(auth)).toEqual({ ok: true, value: auth });
  });

  it.each<{ auth: unknown; error: string }>([
    {
      auth: { resumeAfterSeq: -1 },
      error: 'handshake: auth.resumeAfterSeq: expected an integer >= 0, got the number -1',
    },
    {
      auth: { resumeAfterSeq: '12' },
      error: 'handshake: auth.resumeAfterSeq: expected an integer >= 0, got the string "12"',
    },
    { auth: { token: 5 }, error: 'handshake: auth.token: expected a string, got the number 5' },
    {
      auth: { writeToken: null },
      error: 'handshake: auth.writeToken: expected a string, got null',
    },
    {
      auth: { gatewayId: [] },
      error: 'handshake: auth.gatewayId: expected a string, got an array',
    },
    { auth: 'R', error: 'handshake: auth: expected an object, got the string "R"' },
  ])('refuses $auth, naming the field', ({ auth, error }) => {
    expect(parseHandshakeAuth(auth)).toEqual({ ok: false, error });
  });
});

describe("a write's ack", () => {
  it.each([
    { ok: true, id: 'note:1' },
    { ok: false, error: 'annotate: title: is empty' },
  ])('accepts %o', (ack) => {
    expect(writeAck.check(ack)).toBe(ack);
  });

  it.each([{ ok: true }, { ok: false }, { ok: 1, id: 'x' }, { id: 'x' }, 'ok'])(
    'refuses %o',
    (ack) => {
      expect(() => writeAck.check(ack)).toThrow();
    },
  );
});
