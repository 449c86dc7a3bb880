/**
 * Bench page: the page's ingest path (parse, validate, push) in Chromium's V8, the same loop
 * test/bench/ingest.ts runs in Node.
 */
import type { ServerInfo } from '../../../src/core/protocol/protocol';
import { ingestRuns, type IngestRun } from '../lib/ingest-loop';

export interface IngestBench {
  run(texts: string[], servers: ServerInfo[], runs: number, warmup: number): IngestRun[];
}

declare global {
  interface Window {
    ingestBench: IngestBench;
  }
}

window.ingestBench = { run: ingestRuns };
