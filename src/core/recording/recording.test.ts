import { describe, expect, it } from 'vitest';
import type { AlertPayload, Annotation, Frame, Hello } from '../protocol/protocol';
import { parseRecording, RecordingParser, recordingLine, RecordingError } from './recording';

const T0 = Date.UTC(2024, 4, 15, 14, 0);

const hello: Hello = {
  v: 1,
  source: 'sim:lb-misconfig',
  mode: 'replay',
  intervalMs: 1000,
  tz: '-04:00',
  servers: [
    { id: 'web-1', weight: 1 },
    { id: 'web-2', weight: 1 },
  ],
  now: T0,
};
const frame = (seq: number, t = T0 + seq * 1000): Frame => ({
  v: 1,
  seq,
  t,
  intervalMs: 1000,
  samples: [
    { id: 'web-1', requests: 90, errors: 1, latencyMs: { p50: 20, p95: 60, p99: 90 } },
    { id: 'web-2', requests: 0, latencyMs: null, up: false },
  ],
});
const note: Annotation = {
  v: 1,
  id: 'n1',
  t: T0 + 1500,
  title: 'LB config pushed',
  kind: 'change',
};

const firing: AlertPayload = {
  v: 1,
  id: `share-skew:web-1:${T0 + 1000}`,
  state: 'firing',
  t: T0 + 1000,
  since: T0 + 1000,
  rule: 'share-skew',
  servers: ['web-1'],
  cause: 'load-balancer',
  message: 'web-1 gets 2.0x its weighted share',
};

const helloLine = recordingLine('hello', hello);
const frameLine = (seq: number, t?: number) => recordingLine('frame', frame(seq, t));

/** The error `fn` throws. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('recording round trip', () => {
  it('parses back exactly what was written', () => {
    const text = [
      helloLine,
      frameLine(1),
      recordingLine('annotation', note),
      frameLine(2),
      recordingLine('hello', { ...hello, servers: [...hello.servers, { id: 'web-3', weight: 2 }] }),
      frameLine(3),
    ].join('');
    expect(parseRecording(text)).toEqual({
      payloads: [
        { type: 'hello', payload: hello },
        { type: 'frame', payload: frame(1) },
        { type: 'annotation', payload: note },
        { type: 'frame', payload: frame(2) },
        {
          type: 'hello',
          payload: { ...hello, servers: [...hello.servers, { id: 'web-3', weight: 2 }] },
        },
        { type: 'frame', payload: frame(3) },
      ],
    });
  });

  it('writes one JSON object per line, with its type', () => {
    const line = frameLine(1);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ type: 'frame', ...frame(1) });
  });

  it.each([
    { name: 'a last line without its newline', text: helloLine + frameLine(1).trimEnd() },
    { name: 'blank lines', text: '\n' + helloLine + '\n\n' + frameLine(1) + '\n' },
    { name: 'two frames at the same t', text: helloLine + frameLine(1) + frameLine(2, frame(1).t) },
    {
      name: 'an annotation earlier than the frames',
      text: helloLine + frameLine(5) + recordingLine('annotation', { ...note, t: T0 }),
    },
  ])('accepts $name', ({ text }) => {
    const parsed = parseRecording(text);
    expect(parsed.warning).toBeUndefined();
    expect(parsed.payloads[0]).toEqual({ type: 'hello', payload: hello });
  });
});

describe("alert lines (the gateway's transitions)", () => {
  it('parse back as written, between the frames', () => {
    const resolved = { ...firing, state: 'resolved' as const, t: T0 + 2000 };
    const text = [
      helloLine,
      frameLine(1),
      recordingLine('alert', firing),
      frameLine(2),
      recordingLine('alert', resolved),
    ].join('');
    expect(parseRecording(text).payloads.filter((p) => p.type === 'alert')).toEqual([
      { type: 'alert', payload: firing },
      { type: 'alert', payload: resolved },
    ]);
  });

  it('a bad one names its line and field', () => {
    const text = [helloLine, recordingLine('alert', { ...firing, rule: 'vibes' })].join('');
    const err = thrownBy(() => parseRecording(text));
    expect(err).toBeInstanceOf(RecordingError);
    expect((err as RecordingError).message).toMatch(/^line 2: alert: rule: /);
  });
});

describe('a torn last line (a crash mid-write)', () => {
  const whole = frameLine(3);
  it.each([
    { name: 'cut mid-object', torn: whole.slice(0, 40) },
    { name: 'cut after one character', torn: '{' },
    { name: 'cut just before the closing brace', torn: whole.slice(0, -2) },
  ])('is dropped with a warning naming line 4 when $name', ({ torn }) => {
    const parsed = parseRecording(helloLine + frameLine(1) + frameLine(2) + torn);
    expect(parsed.payloads.map((p) => p.type)).toEqual(['hello', 'frame', 'frame']);
    expect(parsed.warning).toMatch(/^line 4 /);
    expect(parsed.warning).toContain('ignored');
  });
});

describe('a bad line throws a RecordingError naming its line', () => {
  it.each([
    {
      name: 'not JSON, in the middle',
      text: helloLine + '{"type":"frame",\n' + frameLine(2),
      line: 2,
      message: 'line 2: is not valid JSON',
    },
    {
      name: 'not an object',
      text: helloLine + frameLine(1) + '[1,2]\n' + frameLine(2),
      line: 3,
      message: 'line 3: is not a JSON object',
    },
    {
      name: 'an unknown type',
      text: helloLine + '{"type":"gossip","t":1}\n' + frameLine(2),
      line: 2,
      message:
        'line 2: type is "gossip", expected "hello", "frame", "annotation", "annotation:remove" or "alert"',
    },
    {
      name: 'a frame that fails validation',
      text: helloLine + frameLine(1) + recordingLine('frame', { ...frame(2), v: 2 }),
      line: 3,
      message: 'line 3: frame: v: expected 1, got the number 2',
    },
    {
      name: 'a bad last line that did end in a newline (it is complete, not torn)',
      text: helloLine + frameLine(1) + '{"type":"frame"\n',
      line: 3,
      message: 'line 3: is not valid JSON',
    },
    {
      name: 'a first line that is not a hello',
      text: frameLine(1) + helloLine,
      line: 1,
      message: 'line 1: the first line must be a hello, not a frame line',
    },
    {
      name: 'an annotation before any hello',
      text: recordingLine('annotation', note) + helloLine,
      line: 1,
      message: expect.stringMatching(/^line 1: the first line must be a hello/),
    },
    {
      name: 'a first line that is not a hello, after blank lines',
      text: '\n\n' + frameLine(1),
      line: 3,
      message: 'line 3: the first line must be a hello, not a frame line',
    },
    {
      name: 'a frame whose time goes back',
      text: helloLine + frameLine(1) + frameLine(2) + frameLine(3, T0),
      line: 4,
      message: `line 4: frame t=${T0} is before the previous frame`,
    },
  ])('$name', ({ text, line, message }) => {
    const err = thrownBy(() => parseRecording(text));
    expect(err).toBeInstanceOf(RecordingError);
    expect(err).toMatchObject({ line, message });
  });
});

describe('a recording parsed as it arrives, in chunks cut anywhere', () => {
  const whole = [helloLine, frameLine(1), recordingLine('annotation', note), frameLine(2)].join('');
  const inChunks = (text: string, size: number) => {
    const parser = new RecordingParser();
    for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
    return parser.end();
  };

  it.each([1, 2, 7, 64, 1000, whole.length])(
    'chunks of %i characters read as the whole',
    (size) => {
      expect(inChunks(whole, size)).toEqual(parseRecording(whole));
    },
  );

  it('a torn last line is a warning, wherever the chunks were cut', () => {
    const torn = whole + frameLine(3).slice(0, 30);
    for (const size of [3, 50, torn.length]) {
      expect(inChunks(torn, size)).toEqual({
        payloads: parseRecording(whole).payloads,
        warning: 'line 5 is incomplete (the recording was cut off mid-write) and was ignored',
      });
    }
  });

  it('a bad line names its line number across chunks, and stops at once', () => {
    const bad = whole + frameLine(3).replace('"requests":90', '"requests":-90') + frameLine(4);
    const parser = new RecordingParser();
    const err = thrownBy(() => {
      for (let i = 0; i < bad.length; i += 5) parser.push(bad.slice(i, i + 5));
    });
    expect(err).toMatchObject({ line: 5 });
    expect((err as Error).message).toMatch(/^line 5: frame: samples\[0\]\.requests/);
    // the good lines before it were read; nothing after it
    expect(parser.payloads).toHaveLength(4);
  });
});

describe('a recording read as bytes, its frame lines straight from the bytes', () => {
  const encoder = new TextEncoder();
  const titled: Annotation = { ...note, title: 'Rollback ✅ by Zoë' };
  const whole = [
    helloLine,
    frameLine(1),
    recordingLine('annotation', titled),
    frameLine(2),
    frameLine(3),
  ].join('');

  /** Every payload in order, scanned frames parsed back from their bytes; and how many were. */
  function readBytes(bytes: Uint8Array, size: number) {
    const payloads: unknown[] = [];
    let scanned = 0;
    const parser = new RecordingParser(
      (p) => payloads.push(p),
      (_, line) => {
        scanned++;
        const { type, ...payload } = JSON.parse(new TextDecoder().decode(line));
        payloads.push({ type, payload });
      },
    );
    for (let i = 0; i < bytes.length; i += size) parser.pushBytes(bytes.slice(i, i + size));
    const { warning } = parser.end();
    return { payloads, scanned, warning };
  }

  it.each([1, 2, 7, 64, 1000, whole.length])(
    'chunks of %i bytes read as the whole text, and the frames are scanned',
    (size) => {
      const read = readBytes(encoder.encode(whole), size);
      expect(read.payloads).toEqual(parseRecording(whole).payloads);
      expect(read.scanned).toBe(3);
      expect(read.warning).toBeUndefined();
    },
  );

  it('a torn last line is a warning, wherever the chunks were cut', () => {
    const torn = encoder.encode(whole + frameLine(4).slice(0, 40));
    for (const size of [3, 50, torn.length]) {
      const read = readBytes(torn, size);
      expect(read.payloads).toEqual(parseRecording(whole).payloads);
      expect(read.warning).toBe(
        'line 6 is incomplete (the recording was cut off mid-write) and was ignored',
      );
    }
  });

  it.each([
    ['a bad figure', frameLine(4).replace('"requests":90', '"requests":-90')],
    ['a repeated server', frameLine(4).replace('"web-2"', '"web-1"')],
    ['a frame before the one above it', frameLine(4, T0)],
    ['a line that is not JSON', '{"type":"frame",\n'],
  ])('%s stops the read with the message the text reader gives', (_, line) => {
    const bad = whole + line + frameLine(5);
    const asText = thrownBy(() => parseRecording(bad));
    const parser = new RecordingParser(
      () => {},
      () => {},
    );
    const asBytes = thrownBy(() => {
      parser.pushBytes(encoder.encode(bad));
      parser.end();
    });
    expect(asBytes).toBeInstanceOf(RecordingError);
    expect(asBytes).toMatchObject({ line: 6, message: (asText as Error).message });
  });

  it('a byte-order mark, carriage returns and a blank line read as in the text', () => {
    const text = '\ufeff' + whole.replaceAll('\n', '\r\n') + '\n';
    const read = readBytes(encoder.encode(text), 5);
    expect(read.payloads).toEqual(parseRecording(whole).payloads);
  });
});

describe('a line longer than the limit', () => {
  const encoder = new TextEncoder();
  // every line of `whole` fits; `long` does not
  const max = Math.max(helloLine.length, frameLine(2).length);
  const whole = helloLine + frameLine(2);
  const long = recordingLine('annotation', { ...note, title: 'x'.repeat(max) });
  /** Reads `text` in chunks of `size`, as text or as bytes, with lines of at most `max`. */
  const read = (text: string, size: number, asBytes: boolean) => {
    const parser = new RecordingParser(undefined, undefined, { maxLineBytes: max });
    for (let i = 0; i < text.length; i += size) {
      const part = text.slice(i, i + size);
      if (asBytes) parser.pushBytes(encoder.encode(part));
      else parser.push(part);
    }
    return parser.end();
  };

  it.each([
    { size: 3, asBytes: false },
    { size: 1000, asBytes: false },
    { size: 3, asBytes: true },
    { size: 1000, asBytes: true },
  ])('stops the read naming its line (chunks of $size, bytes: $asBytes)', ({ size, asBytes }) => {
    expect(thrownBy(() => read(helloLine + long + frameLine(2), size, asBytes))).toMatchObject({
      line: 2,
      message: `line 2: line longer than ${max} bytes: not a recording line`,
    });
  });

  it('stops an endless line, with no newline, once it passes the limit', () => {
    const parser = new RecordingParser(undefined, undefined, { maxLineBytes: max });
    parser.pushBytes(encoder.encode(helloLine));
    const chunk = encoder.encode(' '.repeat(max / 2 + 1));
    parser.pushBytes(chunk);
    expect(thrownBy(() => parser.pushBytes(chunk))).toMatchObject({ line: 2 });
  });

  it.each([
    { size: 7, asBytes: true },
    { size: 7, asBytes: false },
  ])('lines up to the limit read (chunks of $size, bytes: $asBytes)', ({ size, asBytes }) => {
    expect(read(whole, size, asBytes)).toEqual(parseRecording(whole));
  });

  it('keep: false hands payloads to the callback only', () => {
    const seen: string[] = [];
    const parser = new RecordingParser((p) => seen.push(p.type), undefined, { keep: false });
    parser.push(whole);
    expect(parser.end().payloads).toEqual([]);
    expect(seen).toEqual(['hello', 'frame']);
    expect(parser.payloadCount).toBe(2);
  });
});
