/**
 * The ingest path of the page, the same in Node and in a bench page: JSON text -> protocol
 * `frame.check` -> SeriesStore.push, against JSON.parse alone (the floor), in frames a second.
 */
import { frame, type Frame, type ServerInfo } from '../../../src/core/protocol/protocol';
import { SeriesStore } from '../../../src/core/series/series-store';

export interface IngestRun {
  /** frames a second through parse + check + push */
  ingest: number;
  /** frames a second through JSON.parse alone */
  parseOnly: number;
  /** us a frame in each step, measured alone */
  parseUs: number;
  checkUs: number;
  pushUs: number;
}

const perFrameUs = (ms: number, n: number) => (ms * 1000) / n;

/** One run over `texts` (consecutive frames), in a fresh store that knows the servers. */
export function ingestRun(texts: readonly string[], servers: readonly ServerInfo[]): IngestRun {
  const fresh = () => {
    const store = new SeriesStore({ capacity: 720, maxAgeMs: 24 * 3600_000 });
    store.setServers(servers);
    return store;
  };
  let store = fresh();
  let start = performance.now();
  for (const text of texts) store.push(frame.check(JSON.parse(text)));
  const ingestMs = performance.now() - start;

  const parsed: unknown[] = [];
  start = performance.now();
  for (const text of texts) parsed.push(JSON.parse(text));
  const parseMs = performance.now() - start;

  const frames: Frame[] = [];
  start = performance.now();
  for (const p of parsed) frames.push(frame.check(p));
  const checkMs = performance.now() - start;

  store = fresh();
  start = performance.now();
  for (const f of frames) store.push(f);
  const pushMs = performance.now() - start;

  const n = texts.length;
  return {
    ingest: (n / ingestMs) * 1000,
    parseOnly: (n / parseMs) * 1000,
    parseUs: perFrameUs(parseMs, n),
    checkUs: perFrameUs(checkMs, n),
    pushUs: perFrameUs(pushMs, n),
  };
}

/** `runs` runs after `warmup` untimed ones. */
export function ingestRuns(
  texts: readonly string[],
  servers: readonly ServerInfo[],
  runs: number,
  warmup: number,
): IngestRun[] {
  const out: IngestRun[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const run = ingestRun(texts, servers);
    if (i >= warmup) out.push(run);
  }
  return out;
}
