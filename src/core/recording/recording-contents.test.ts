import { describe, expect, it } from 'vitest';
import type { Frame, Hello } from '../protocol/protocol';
import { parseRecording, recordingLine } from './recording';
import { unpackRecording } from './recording-contents';

const T0 = Date.UTC(2024, 4, 15, 14, 0);
const hello = (servers: string[]): Hello => ({
  v: 1,
  source: 'sim:lb-misconfig',
  mode: 'live',
  intervalMs: 1000,
  servers: servers.map((id) => ({ id, weight: 1 })),
  now: T0,
});
const frame = (seq: number, t: number, p95: number): Frame => ({
  v: 1,
  seq,
  t,
  intervalMs: 1000,
  samples: [{ id: 'web-1', requests: 10, latencyMs: { p50: 1, p95, p99: 999 } }],
});

describe('a recording unpacked for review', () => {
  // a gateway restart mid-recording: a second hello with a new server, frames numbered from 0
  const { payloads } = parseRecording(
    [
      recordingLine('hello', hello(['web-1'])),
      recordingLine('frame', frame(40, T0, 11)),
      recordingLine('annotation', { v: 1, id: 'a', t: T0, title: 'kept', kind: 'change' }),
      recordingLine('annotation', { v: 1, id: 'b', t: T0, title: 'removed', kind: 'note' }),
      recordingLine('frame', frame(41, T0 + 1000, 12)),
      // the gateway's transition: a review recomputes its alerts, so the line changes nothing
      recordingLine('alert', {
        v: 1,
        id: `server-down:web-1:${T0 + 1000}`,
        state: 'firing',
        t: T0 + 1000,
        since: T0 + 1000,
        rule: 'server-down',
        servers: ['web-1'],
        cause: 'unknown',
        message: 'web-1 is down',
      }),
      recordingLine('hello', hello(['web-1', 'web-2'])),
      recordingLine('annotation:remove', { v: 1, id: 'b' }),
      recordingLine('frame', frame(0, T0 + 2000, 13)),
    ].join(''),
  );
  const contents = unpackRecording(payloads);

  it('holds every frame, numbered anew across the restart', () => {
    expect(contents.frames.map((f) => f.seq)).toEqual([0, 1, 2]);
    const { series } = contents;
    expect(series.length).toBe(3);
    const web1 = series.server('web-1')!;
    expect(Array.from({ length: 3 }, (_, i) => web1.p95[series.slot(i)])).toEqual([11, 12, 13]);
  });

  it('knows the servers of every hello, and the first hello is the recording’s', () => {
    expect(contents.series.servers.map((s) => s.id)).toEqual(['web-1', 'web-2']);
    expect(contents.hello.servers.map((s) => s.id)).toEqual(['web-1']);
  });

  it('keeps the annotations as they stood at the end', () => {
    expect(contents.annotations.map((a) => a.title)).toEqual(['kept']);
  });

  it('gives the detector both hellos and every frame, in order', () => {
    expect(contents.detectorInput.map((i) => i.type)).toEqual([
      'hello',
      'frame',
      'frame',
      'hello',
      'frame',
    ]);
  });
});
