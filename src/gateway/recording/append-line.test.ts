import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendWholeLine, RecordingTrouble, RETRY_MS } from './append-line';

describe('appendWholeLine', () => {
  it('throws what the disk says when it is full', () => {
    // /dev/full: every write fails with ENOSPC, as on a full disk
    const fd = openSync('/dev/full', 'a');
    try {
      expect(() => appendWholeLine(fd, '{"type":"frame"}\n', 0)).toThrow(/ENOSPC/);
    } finally {
      closeSync(fd);
    }
  });
});

describe('RecordingTrouble', () => {
  it('warns once when recording fails and once when it resumes, trying again every 30 s', () => {
    const clock = { now: 0 };
    const warnings: string[] = [];
    const trouble = new RecordingTrouble(
      (m) => warnings.push(m),
      () => clock.now,
    );
    expect(trouble.skip()).toBe(false);
    trouble.failed('/data/recordings/a.ndjson', new Error('ENOSPC: no space left on device'));
    // a frame a second: skipped until the retry is due, without a word
    for (let s = 1; s < RETRY_MS / 1000; s++) {
      clock.now = s * 1000;
      expect(trouble.skip()).toBe(true);
    }
    clock.now = RETRY_MS;
    expect(trouble.skip()).toBe(false);
    trouble.failed('/data/recordings/a.ndjson', new Error('ENOSPC: no space left on device'));
    expect(warnings).toEqual([
      'cannot write the recording /data/recordings/a.ndjson: ENOSPC: no space left on device; ' +
        'the dashboard carries on without recording and tries again every 30 s',
    ]);
    clock.now = 2 * RETRY_MS;
    expect(trouble.skip()).toBe(false);
    trouble.succeeded('/data/recordings/b.ndjson');
    trouble.succeeded('/data/recordings/b.ndjson');
    expect(warnings.slice(1)).toEqual([
      `recording again, to /data/recordings/b.ndjson; ${RETRY_MS / 1000 + 1} payloads sent while it failed (60 s) were not recorded`,
    ]);
  });
});
