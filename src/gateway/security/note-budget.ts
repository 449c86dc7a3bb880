/**
 * How many notes the gateway holds, and how many bytes of them: notes live in memory, in the
 * notes file and at the head of every new recording file, so a flood must stop at a bound.
 */
import type { Annotation } from '../../core/protocol/protocol';

export interface NoteLimits {
  count: number;
  bytes: number;
}

/**
 * 5,000 notes is a long incident annotated by a whole team; the page stays smooth with that
 * many (`npm run bench`). 4 MiB holds them at a few hundred characters each.
 */
export const DEFAULT_NOTE_LIMITS: NoteLimits = { count: 5000, bytes: 4 * 1024 * 1024 };

export class NoteBudget {
  private readonly sizes = new Map<string, number>();
  private total = 0;

  constructor(readonly limits: NoteLimits = DEFAULT_NOTE_LIMITS) {}

  get count(): number {
    return this.sizes.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** Why keeping `note` (new, or replacing the one with its id) would go over; null if not. */
  refuses(note: Annotation): string | null {
    const old = this.sizes.get(note.id);
    const count = this.sizes.size + (old === undefined ? 1 : 0);
    const bytes = this.total - (old ?? 0) + sizeOf(note);
    if (count > this.limits.count) {
      return `the gateway holds ${this.sizes.size} notes, its limit; remove some first`;
    }
    if (bytes > this.limits.bytes) {
      return `the notes held would take ${bytes} bytes, more than the gateway's limit of ${this.limits.bytes}; remove some first`;
    }
    return null;
  }

  set(note: Annotation): void {
    this.total += sizeOf(note) - (this.sizes.get(note.id) ?? 0);
    this.sizes.set(note.id, sizeOf(note));
  }

  remove(id: string): void {
    this.total -= this.sizes.get(id) ?? 0;
    this.sizes.delete(id);
  }
}

/** A note's size as stored: its JSON, in UTF-16 units (close enough to bytes for a bound). */
const sizeOf = (note: Annotation) => JSON.stringify(note).length;
