/**
 * The recording folder's policy: when the file being written gives way to a new one, and which
 * old files go so the folder stays under its cap. Pure: the recorder measures, this decides.
 */

/** Limits in bytes and ms; 0 means no limit. */
export interface RotationLimits {
  /** a file is closed before a frame would take it past this size */
  maxBytes: number;
  /** a file is closed once it has been written for this long (wall time) */
  maxAgeMs: number;
  /** the oldest files are deleted while the folder holds more than this */
  totalBytes: number;
}

/** The file being written. */
export interface CurrentFile {
  bytes: number;
  /** of which its header: the hello and the notes held, which every new file starts with */
  headerBytes: number;
  /** frame lines written to it */
  frames: number;
  /** wall-clock ms when it was opened */
  openedAt: number;
}

/** A recording in the folder. */
export interface FolderFile {
  name: string;
  bytes: number;
  /** when it was started, from its name */
  startedAt: number;
}

export type RotationReason = 'size' | 'age';

/**
 * Whether to start a new file before writing a frame line of `incomingBytes`. A file whose
 * header is more than half of `maxBytes` grows past it, to twice its header.
 */
export function rotationDue(
  current: CurrentFile,
  incomingBytes: number,
  now: number,
  limits: Pick<RotationLimits, 'maxBytes' | 'maxAgeMs'>,
): RotationReason | undefined {
  // a file without frames is only its header: rotating it would loop when the header alone is
  // bigger than the limit, and would leave files that show nothing
  if (current.frames === 0) return undefined;
  // nor before its frames outweigh its header: every file repeats the header, so however big
  // the notes held, headers stay at most half of what is written (40 notes of 900 KB and a
  // small --record-max-bytes once started a file per frame, 1.7 GB in 8 s)
  if (current.bytes - current.headerBytes < current.headerBytes) return undefined;
  if (limits.maxBytes > 0 && current.bytes + incomingBytes > limits.maxBytes) return 'size';
  if (limits.maxAgeMs > 0 && now - current.openedAt >= limits.maxAgeMs) return 'age';
  return undefined;
}

/**
 * Names of the files to delete, oldest first, so that the folder holds at most `totalBytes`.
 * The file being written (`current`) is never deleted, even when it alone is over the cap.
 */
export function filesOverCap(
  files: readonly FolderFile[],
  current: string | undefined,
  totalBytes: number,
): string[] {
  if (totalBytes <= 0) return [];
  let total = files.reduce((sum, f) => sum + f.bytes, 0);
  const remove: string[] = [];
  const oldestFirst = [...files].sort((a, b) => a.startedAt - b.startedAt);
  for (const file of oldestFirst) {
    if (total <= totalBytes) break;
    if (file.name === current) continue;
    remove.push(file.name);
    total -= file.bytes;
  }
  return remove;
}
