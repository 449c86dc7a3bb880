/**
 * Appending a recording line whole or not at all: a disk that fills mid-line would otherwise
 * leave a torn line in the middle of a file once writing resumes, and the file would no
 * longer load. On failure the file is cut back to where its last whole line ended.
 */
import { closeSync, fstatSync, ftruncateSync, writeSync } from 'node:fs';

/** Appends `line` to `fd`, whose file holds `goodBytes` whole-line bytes; returns the new size. */
export function appendWholeLine(fd: number, line: string, goodBytes: number): number {
  const bytes = Buffer.from(line);
  let written = 0;
  try {
    // a write may take fewer bytes than asked: carry on until the line is all down
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (err) {
    if (written > 0) {
      try {
        ftruncateSync(fd, goodBytes);
      } catch {
        // the file keeps a torn last line, which a load drops with a warning
      }
    }
    throw err;
  }
  return goodBytes + bytes.length;
}

/**
 * Whether the file open at `fd` was deleted under the recorder (its folder removed, say):
 * writes to it still succeed, into a file nobody can read.
 */
export const wasDeleted = (fd: number): boolean => fstatSync(fd).nlink === 0;

/** Closes a file the recorder is giving up on; a failure to close loses nothing more. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already lost
  }
}

/** ms between attempts to record again after a write failed */
export const RETRY_MS = 30_000;

/**
 * Says once that recording failed and once that it resumed, however many writes fail in
 * between, and when to try again: an operator wants to know, not a line per frame.
 */
export class RecordingTrouble {
  private failedSince: number | undefined;
  private retryAt = 0;
  private dropped = 0;

  constructor(
    private readonly warn: (message: string) => void,
    private readonly now: () => number,
  ) {}

  /** Whether to skip this write: recording failed and it is not yet time to try again. */
  skip(): boolean {
    if (this.failedSince === undefined || this.now() >= this.retryAt) return false;
    this.dropped++;
    return true;
  }

  failed(path: string, err: unknown): void {
    this.dropped++;
    this.retryAt = this.now() + RETRY_MS;
    if (this.failedSince !== undefined) return;
    this.failedSince = this.now();
    const reason = err instanceof Error ? err.message : String(err);
    this.warn(
      `cannot write the recording ${path}: ${reason}; the dashboard carries on without ` +
        `recording and tries again every ${RETRY_MS / 1000} s`,
    );
  }

  succeeded(path: string): void {
    if (this.failedSince === undefined) return;
    this.warn(
      `recording again, to ${path}; ${this.dropped} payloads sent while it failed ` +
        `(${((this.now() - this.failedSince) / 1000).toFixed(0)} s) were not recorded`,
    );
    this.failedSince = undefined;
    this.dropped = 0;
  }
}
