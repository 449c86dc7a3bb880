/**
 * The gateway's heart: takes what a source produces, validates and numbers it, keeps a bounded
 * buffer, and fans it out over Socket.IO (CONTRACT section 1).
 */
import { randomUUID } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { FrameLog } from '../core/frame-log';
import type { RecordedPayload } from '../core/recording';
import {
  annotateRequest,
  annotation as annotationSchema,
  annotationRemove,
  frame as frameSchema,
  handshakeAuth,
  PROTOCOL_VERSION,
  type Annotation,
  type Frame,
  type Hello,
} from '../core/protocol';
import type { NoteStore } from './note-store';
import type { SourceAnnotation, SourceFrame, SourceInfo, SourceSink } from './sources/source';

/** What a write from the page is answered with (CONTRACT: `annotate`'s ack). */
export type WriteAck = { ok: true; id: string } | { ok: false; error: string };

const MAX_TITLE = 200;
const MAX_TEXT = 10_000;

export interface HubOptions {
  /** connections without this token are refused with "unauthorized" */
  token?: string;
  /** with it, only connections that present it may add, edit or remove notes */
  writeToken?: string;
  /** where notes from the page are kept across restarts */
  notes?: NoteStore;
  /** frames kept for clients that resume */
  bufferFrames: number;
  bufferAgeMs: number;
  /** called with every payload sent, in order (the recorder) */
  onPayload?: (type: RecordedPayload['type'], payload: object) => void;
  /** where problems are reported */
  warn?: (message: string) => void;
  /** first seq to use; a gateway restored from its recording carries on its numbering */
  nextSeq?: number;
  gatewayId?: string;
}

export class Hub implements SourceSink {
  readonly log: FrameLog;
  readonly annotations = new Map<string, Annotation>();
  readonly gatewayId: string;
  private nextSeq: number;
  private sourceInfo: SourceInfo | undefined;
  private rejected = 0;

  constructor(
    private readonly io: Server,
    private readonly opts: HubOptions,
  ) {
    this.log = new FrameLog(opts.bufferFrames, opts.bufferAgeMs);
    this.nextSeq = opts.nextSeq ?? 0;
    this.gatewayId = opts.gatewayId ?? randomUUID();
    for (const note of opts.notes?.notes.values() ?? []) this.annotations.set(note.id, note);
    io.use((socket, next) => {
      const token = opts.token;
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      if (token !== undefined && auth?.token !== token) next(new Error('unauthorized'));
      else next();
    });
    io.on('connection', (socket) => this.welcome(socket));
  }

  /** payloads from the source that failed validation and were dropped */
  get rejectedCount(): number {
    return this.rejected;
  }

  hello(): Hello {
    const info = this.sourceInfo;
    return {
      v: PROTOCOL_VERSION,
      source: info?.source ?? 'none',
      mode: info?.mode ?? 'live',
      intervalMs: info?.intervalMs ?? 1000,
      ...(info?.tz !== undefined && { tz: info.tz }),
      ...(info?.speed !== undefined && { speed: info.speed }),
      servers: info?.servers ?? [],
      now: this.log.newest?.t ?? Date.now(),
      ...(this.log.oldestSeq !== undefined && { oldestSeq: this.log.oldestSeq }),
      gatewayId: this.gatewayId,
    };
  }

  info(info: SourceInfo): void {
    this.sourceInfo = info;
    const hello = this.hello();
    this.opts.onPayload?.('hello', hello);
    this.io.emit('hello', hello);
  }

  frame(raw: SourceFrame): void {
    const candidate = { v: PROTOCOL_VERSION, seq: this.nextSeq, ...raw };
    let frame: Frame;
    try {
      frame = frameSchema.check(candidate);
    } catch (err) {
      this.reject(`frame from the source at t=${raw.t}`, err);
      return;
    }
    this.nextSeq++;
    this.log.append(frame);
    this.opts.onPayload?.('frame', frame);
    this.io.emit('frame', frame);
  }

  annotation(raw: SourceAnnotation): void {
    let annotation: Annotation;
    try {
      annotation = annotationSchema.check({ v: PROTOCOL_VERSION, ...raw });
    } catch (err) {
      this.reject(`annotation ${JSON.stringify(raw.id)} from the source`, err);
      return;
    }
    this.annotations.set(annotation.id, annotation);
    this.opts.onPayload?.('annotation', annotation);
    this.io.emit('annotation', annotation);
  }

  private reject(what: string, err: unknown): void {
    this.rejected++;
    this.opts.warn?.(`dropped ${what}: ${err instanceof Error ? err.message : String(err)}`);
  }

  private welcome(socket: Socket): void {
    let resumeAfterSeq = -1;
    try {
      resumeAfterSeq = handshakeAuth.check(socket.handshake.auth ?? {}).resumeAfterSeq ?? -1;
    } catch {
      // a malformed resume point is treated as none: the client gets the whole buffer
    }
    // a client that resumes from another gateway's numbering gets the whole buffer
    const clientGatewayId = (socket.handshake.auth as { gatewayId?: unknown } | undefined)
      ?.gatewayId;
    if (typeof clientGatewayId === 'string' && clientGatewayId !== this.gatewayId) {
      resumeAfterSeq = -1;
    }
    socket.emit('hello', this.hello());
    for (const frame of this.log.after(resumeAfterSeq)) socket.emit('frame', frame);
    for (const annotation of this.annotations.values()) socket.emit('annotation', annotation);

    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; writeToken?: unknown };
    const mayWrite =
      this.opts.writeToken === undefined ||
      auth.token === this.opts.writeToken ||
      auth.writeToken === this.opts.writeToken;
    const onWrite = (event: string, handle: (payload: unknown) => WriteAck) =>
      socket.on(event, (payload: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (r: WriteAck) => void) : () => {};
        if (!mayWrite) reply({ ok: false, error: 'unauthorized: writing needs the write token' });
        else reply(handle(payload));
      });
    onWrite('annotate', (payload) =>
      this.writeNote(() => ({ ...annotateRequest.check(payload), id: `note:${randomUUID()}` })),
    );
    onWrite('annotate:update', (payload) =>
      this.writeNote(() => {
        const note = annotationSchema.check(payload);
        if (!this.annotations.has(note.id))
          throw new Error(`no annotation ${JSON.stringify(note.id)}`);
        return note;
      }),
    );
    onWrite('annotate:remove', (payload) => {
      try {
        const { id } = annotationRemove.check(payload);
        if (!this.annotations.delete(id))
          return { ok: false, error: `no annotation ${JSON.stringify(id)}` };
        this.opts.notes?.remove(id);
        this.opts.onPayload?.('annotation:remove', { v: PROTOCOL_VERSION, id });
        this.io.emit('annotation:remove', { v: PROTOCOL_VERSION, id });
        return { ok: true, id };
      } catch (err) {
        return {
          ok: false,
          error: `annotate:remove: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
    });
  }

  /** Validates, keeps and sends a note to every viewer; never throws at the caller. */
  private writeNote(build: () => Annotation): WriteAck {
    let note: Annotation;
    try {
      note = build();
      if (note.title.trim() === '') throw new Error('title: is empty');
      if (note.title.length > MAX_TITLE)
        throw new Error(`title: longer than ${MAX_TITLE} characters`);
      if ((note.text?.length ?? 0) > MAX_TEXT)
        throw new Error(`text: longer than ${MAX_TEXT} characters`);
    } catch (err) {
      return { ok: false, error: `annotate: ${err instanceof Error ? err.message : String(err)}` };
    }
    this.annotations.set(note.id, note);
    this.opts.notes?.upsert(note);
    this.opts.onPayload?.('annotation', note);
    this.io.emit('annotation', note);
    return { ok: true, id: note.id };
  }
}
