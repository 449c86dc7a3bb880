/**
 * What a restarted gateway carries on with, read back from what it recorded: its id, its frame
 * numbering, the newest frames for clients that resume, the annotations held, and how far its
 * source had played. Pure: fed payloads in the order they were written.
 */
import type { Annotation, Frame, Hello } from '../protocol/protocol';
import type { RecordedPayload } from './recording';

export interface RestoredRun {
  /** the seq to carry on with, when the run held frames */
  nextSeq?: number;
  gatewayId?: string;
  /** the newest frames of the run, oldest first */
  frames: Frame[];
  annotations: Annotation[];
  /** the source of the run and how many frames it had sent */
  source?: { source: string; frames: number };
  /** the run's last hello: the servers and pools its detector judged the frames by */
  hello?: Hello;
}

/** Payloads, or frames only counted (older files, read for how far the source had played). */
export type RestoreItem = RecordedPayload | { type: 'counted-frames'; count: number };

export interface Restore {
  add(item: RestoreItem): void;
  result(): RestoredRun;
}

export function createRestore(keepFrames: number): Restore {
  let gatewayId: string | undefined;
  let source: string | undefined;
  let hello: Hello | undefined;
  let frames: Frame[] = [];
  let counted = 0;
  const annotations = new Map<string, Annotation>();
  return {
    add(item) {
      switch (item.type) {
        case 'hello': {
          const { gatewayId: id, source: src } = item.payload;
          // another gateway, or another source: its numbering and position are its own
          if (id !== gatewayId || src !== source) {
            frames = [];
            counted = 0;
          }
          gatewayId = id;
          source = src;
          hello = item.payload;
          break;
        }
        case 'counted-frames':
          counted += item.count;
          break;
        case 'frame':
          counted++;
          frames.push(item.payload);
          // trimmed in batches, not on every frame
          if (frames.length > keepFrames * 2) frames = frames.slice(-keepFrames);
          break;
        case 'annotation':
          annotations.set(item.payload.id, item.payload);
          break;
        case 'annotation:remove':
          annotations.delete(item.payload.id);
          break;
      }
    },
    result() {
      const kept = frames.slice(-keepFrames);
      const last = kept.at(-1);
      return {
        ...(last && { nextSeq: last.seq + 1 }),
        ...(gatewayId !== undefined && { gatewayId }),
        frames: kept,
        annotations: [...annotations.values()],
        ...(source !== undefined && { source: { source, frames: counted } }),
        ...(hello !== undefined && { hello }),
      };
    },
  };
}
