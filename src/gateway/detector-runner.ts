/**
 * Runs the gateway's detector beside the frame path, never on it: the hub sends and records a
 * frame first, and the detector takes it in the next turn of the event loop, so a slow or
 * failing detector neither delays nor drops a frame. A thrown error is logged once; the
 * gateway serves on and the detector is tried again on the next frame.
 */
import type { LiveAlerts } from '../core/detector';
import type { AlertPayload, Frame, Hello } from '../core/protocol/protocol';

export type DetectorInput = { hello: Hello } | { frame: Frame };

/**
 * frames waiting for the detector at most: at 10 frames/s a minute behind. Past it the oldest
 * are skipped (and said so once): memory stays bounded when the detector cannot keep up.
 */
const MAX_WAITING = 600;

export class DetectorRunner {
  private waiting: DetectorInput[] = [];
  private scheduled = false;
  private failed = false;
  private skipped = 0;

  constructor(
    private readonly alerts: LiveAlerts,
    /** called with each transition, in order */
    private readonly onTransition: (alert: AlertPayload) => void,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** A hello or a frame, taken in the next turn of the event loop, in order. */
  queue(input: DetectorInput): void {
    this.enqueue(input);
  }

  /** The alerts firing as of the last frame the detector has taken. */
  firing(): AlertPayload[] {
    return this.alerts.firing();
  }

  /**
   * Takes what a previous run of this gateway already judged (its recording's last hello and
   * frames), sending nothing: those transitions went out then. The alerts firing at its end
   * fire on, with their ids, instead of firing anew once they have held again.
   */
  catchUp(hello: Hello | undefined, frames: readonly Frame[]): void {
    try {
      if (hello) this.alerts.hello(hello);
      for (const frame of frames) this.alerts.frame(frame);
    } catch (err) {
      this.warn(
        `the detector failed on the restored frames: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** Takes everything waiting now (a test, a shutdown). */
  drain(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    for (const input of batch) this.take(input);
  }

  private enqueue(input: DetectorInput): void {
    this.waiting.push(input);
    if (this.waiting.length > MAX_WAITING) {
      // a hello is kept: it says which pool each server is in
      const i = this.waiting.findIndex((x) => 'frame' in x);
      if (i >= 0) this.waiting.splice(i, 1);
      if (this.skipped++ === 0) {
        this.warn(`the detector fell ${MAX_WAITING} frames behind: skipping the oldest`);
      }
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private take(input: DetectorInput): void {
    try {
      if ('hello' in input) this.alerts.hello(input.hello);
      else for (const alert of this.alerts.frame(input.frame)) this.onTransition(alert);
    } catch (err) {
      if (this.failed) return;
      this.failed = true;
      this.warn(
        `the detector failed (logged once; frames are still served): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }
}
