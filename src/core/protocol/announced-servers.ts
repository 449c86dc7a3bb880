/**
 * The servers a gateway's `hello` lists: its source's list, less each server with no sample
 * for a window (a pod gone while the source still names it), judged on the frames' clock. A
 * server merely idle (sampled with no requests) stays; one the source lists anew has a window
 * from the next frame to show up; one that comes back is listed again. It holds state only for
 * the servers the source lists now, so a fleet that churns cannot grow it.
 */
import type { Frame, ServerInfo } from './protocol';

export class AnnouncedServers {
  private listed: readonly ServerInfo[] = [];
  /** per server the source lists: t of its last sample; NaN until a frame follows its listing */
  private sampledT = new Map<string, number>();
  private newestT = NaN;
  private current: readonly ServerInfo[] = [];

  /** `windowMs`: how long a listed server may go without a sample before it is left out */
  constructor(private readonly windowMs: number) {}

  /** The servers to announce now, in the source's order. */
  get servers(): readonly ServerInfo[] {
    return this.current;
  }

  /** Takes the source's list (its `info`, which is announced whatever it changed). */
  list(servers: readonly ServerInfo[]): void {
    const next = new Map<string, number>();
    for (const s of servers) next.set(s.id, this.sampledT.get(s.id) ?? NaN);
    this.sampledT = next;
    this.listed = servers;
    this.update();
  }

  /** Takes a frame; returns whether the servers to announce changed. */
  frame(f: Pick<Frame, 't' | 'samples'>): boolean {
    this.newestT = f.t;
    for (const s of f.samples) if (this.sampledT.has(s.id)) this.sampledT.set(s.id, f.t);
    // listed since the last frame: its window starts now
    for (const [id, t] of this.sampledT) if (Number.isNaN(t)) this.sampledT.set(id, f.t);
    return this.update();
  }

  private update(): boolean {
    const next = this.listed.filter((s) => !this.departed(s.id));
    const changed =
      next.length !== this.current.length || next.some((s, i) => s !== this.current[i]);
    this.current = next;
    return changed;
  }

  private departed(id: string): boolean {
    const t = this.sampledT.get(id)!;
    // same window as the detector's (withinWindow): a sample exactly windowMs old is out
    return t <= this.newestT - this.windowMs;
  }
}
