/**
 * A recording turned into the steps a replay plays: each step is a frame with the hellos and
 * annotations written before it, due at the frame's own `t`. Pure: the replay source paces it.
 */
import type { Annotation, Frame, Hello } from '../protocol/protocol';
import type { RecordedPayload } from './recording';

export type ReplayItem =
  | { type: 'hello'; payload: Hello }
  | { type: 'annotation'; payload: Annotation }
  | { type: 'frame'; payload: Frame };

export interface ReplayStep {
  /** when it is due, on the recording's clock */
  t: number;
  items: ReplayItem[];
}

export interface ReplayPlan {
  /** what the replay announces first */
  hello: Hello;
  steps: ReplayStep[];
  frames: number;
}

/**
 * `skipFrames` starts later (a restarted gateway carrying on): the skipped frames are dropped,
 * their hellos become the first one and their annotations come with the first step.
 */
export function replayPlan(payloads: readonly RecordedPayload[], skipFrames = 0): ReplayPlan {
  const first = payloads[0];
  if (first?.type !== 'hello') throw new Error('a recording starts with a hello');
  // a source cannot take a note back, so a note removed later in the file is never sent
  const finalState = new Map<string, boolean>();
  for (const p of payloads) {
    if (p.type === 'annotation') finalState.set(p.payload.id, true);
    if (p.type === 'annotation:remove') finalState.set(p.payload.id, false);
  }
  let hello = first.payload;
  const steps: ReplayStep[] = [];
  let pending: ReplayItem[] = [];
  let seen = 0;
  for (const p of payloads.slice(1)) {
    // the replaying gateway's own detector sends alerts anew
    if (p.type === 'annotation:remove' || p.type === 'alert') continue;
    if (p.type === 'annotation' && !finalState.get(p.payload.id)) continue;
    if (p.type !== 'frame') {
      if (p.type === 'hello' && seen < skipFrames) hello = p.payload;
      else pending.push(p);
      continue;
    }
    seen++;
    if (seen <= skipFrames) continue;
    steps.push({ t: p.payload.t, items: [...pending, p] });
    pending = [];
  }
  if (pending.length > 0) {
    // what follows the last frame comes with it
    steps.push({ t: steps.at(-1)?.t ?? hello.now, items: pending });
  }
  return { hello, steps, frames: Math.max(0, seen - skipFrames) };
}
