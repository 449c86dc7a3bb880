/**
 * The gateway's heart: takes what a source produces, validates and numbers it, keeps a bounded
 * buffer, and fans it out over Socket.IO (CONTRACT section 1).
 */
import { randomUUID } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { AnnouncedServers } from '../core/protocol/announced-servers';
import {
  createLiveAlerts,
  DEFAULT_CONFIG,
  handoverTransitions,
  type LiveAlerts,
} from '../core/detector';
import { FrameLog } from '../core/protocol/frame-log';
import type { RecordedPayload } from '../core/recording/recording';
import {
  annotateRequest,
  annotation as annotationSchema,
  alert as alertSchema,
  annotationRemove,
  frame as frameSchema,
  parsePayload,
  PROTOCOL_VERSION,
  type AlertPayload,
  type Annotation,
  type Frame,
  type GatewayEventName,
  type HandshakeAuth,
  type Hello,
  type SourceStatus,
  type WriteAck,
} from '../core/protocol/protocol';
import { DetectorRunner, type DetectorInput } from './detector-runner';
import type { NoteStore } from './note-store';
import type { Access } from './security/access';
import { admit } from './security/handshake';
import { NoteBudget, type NoteLimits } from './security/note-budget';
import { TokenBucket } from './security/token-bucket';
import type {
  SourceAnnotation,
  SourceFrame,
  SourceInfo,
  SourceSink,
  SourceState,
} from './sources/source';

/** frames a clustered holder waits for from the stream before its detector takes them anyway */
const MAX_UNRETURNED_FRAMES = 5;

/** How fast one connection may write notes: a burst, then a steady rate. */
export interface WriteRate {
  burst: number;
  perSecond: number;
}
/** a person adds a note every few seconds at most; a script that floods is refused */
export const DEFAULT_WRITE_RATE: WriteRate = { burst: 10, perSecond: 2 };

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
  /** per connection; DEFAULT_WRITE_RATE unless given */
  writeRate?: WriteRate;
  /** how many notes, and how many bytes of them, the gateway holds at most */
  noteLimits?: NoteLimits;
  /** the detector run on every frame (the defaults unless given; `serve --config` sets it) */
  alerts?: LiveAlerts;
  /**
   * its window, told to the page in `hello` so the share bars take the same one; a server
   * with no sample for this long is left out of `hello` (the detector's default unless given)
   */
  shareWindowMs?: number;
  /** this gateway's skewboard version, told in every `hello` */
  version?: string;
  /**
   * Clustered (`serve --redis`): what this hub makes (numbered frames, hellos, alerts, notes)
   * goes here instead of to its viewers; every gateway's hub gets it back through `receive`,
   * so all of them serve one stream.
   */
  publish?: (event: GatewayEventName, payload: object) => void;
}

/** `/readyz`'s answer: whether frames arrive, and if not, what the source said about it. */
export interface Readiness {
  ready: boolean;
  lastFrameAgoMs: number | null;
  /** the live system's last failure while it fails (`prometheus:...: connect ECONNREFUSED`) */
  problem?: string;
  /** a recording played to its end: no frames, and none missing */
  finished?: boolean;
  /** clustered: what keeps this gateway from its cluster's stream (`redis: ...`) */
  cluster?: string;
}

export class Hub implements SourceSink {
  readonly log: FrameLog;
  readonly annotations = new Map<string, Annotation>();
  private id: string;
  private nextSeq: number;
  private sourceInfo: SourceInfo | undefined;
  private rejected = 0;
  private lastFrameAt: number | undefined;
  private sourceState: SourceState = { kind: 'ok' };
  private readonly budget: NoteBudget;
  private detector: DetectorRunner;
  private announced: AnnouncedServers;
  /** clustered: the newest hello from the stream, and the alerts it says are firing */
  private streamHello: Hello | undefined;
  private readonly streamFiring = new Map<string, AlertPayload>();
  private clusterProblem: string | undefined;
  /**
   * Clustered holder: what its detector has yet to take, in order. A frame the holder makes
   * goes out through the stream, and its detector takes it only once it is back and out to
   * this gateway's viewers: judged at once, the detector would hold up their frame by its work.
   */
  private readonly unjudged: DetectorInput[] = [];

  constructor(
    private readonly io: Server,
    private readonly opts: HubOptions,
  ) {
    this.log = new FrameLog(opts.bufferFrames, opts.bufferAgeMs);
    this.nextSeq = opts.nextSeq ?? 0;
    this.id = opts.gatewayId ?? randomUUID();
    this.budget = new NoteBudget(opts.noteLimits);
    this.announced = new AnnouncedServers(opts.shareWindowMs ?? DEFAULT_CONFIG.windowMs);
    this.detector = new DetectorRunner(
      opts.alerts ?? createLiveAlerts(),
      (alert) => this.sendAlert(alert),
      (message) => opts.warn?.(message),
    );
    for (const note of opts.notes?.notes.values() ?? []) {
      this.annotations.set(note.id, note);
      this.budget.set(note);
    }
    io.use((socket, next) => {
      const admitted = admit(socket.handshake.auth ?? {}, {
        ...(opts.token !== undefined && { read: opts.token }),
        ...(opts.writeToken !== undefined && { write: opts.writeToken }),
      });
      if (!admitted.ok) return next(new Error(admitted.error));
      Object.assign(socket.data as SocketData, { access: admitted.access, auth: admitted.auth });
      next();
    });
    io.on('connection', (socket) => {
      try {
        this.welcome(socket);
      } catch (err) {
        this.opts.warn?.(
          `a connection failed: ${err instanceof Error ? err.message : String(err)}`,
        );
        socket.disconnect(true);
      }
    });
  }

  /** Names the numbering clients resume in; clustered, the cluster's, which all gateways share. */
  get gatewayId(): string {
    return this.id;
  }

  private get clustered(): boolean {
    return this.opts.publish !== undefined;
  }

  /** Whether the source delivers: a frame within its last 3 intervals (CONTRACT section 4). */
  readiness(): Readiness {
    const info = this.clustered ? this.streamHello : this.sourceInfo;
    const wallInterval =
      (info?.intervalMs ?? 1000) / (info?.speed && info.speed > 0 ? info.speed : 1);
    const ago = this.lastFrameAt === undefined ? null : Date.now() - this.lastFrameAt;
    // at least a second: a fast replay's frames come closer together than the event loop's jitter
    const ready = ago !== null && ago <= Math.max(3 * wallInterval, 1000);
    const state = this.sourceState;
    return {
      ready: ready && this.clusterProblem === undefined,
      lastFrameAgoMs: ago,
      ...(state.kind === 'failing' && { problem: state.problem }),
      ...(state.kind === 'finished' && { finished: true }),
      ...(this.clusterProblem !== undefined && { cluster: this.clusterProblem }),
    };
  }

  /** What the source says of itself between frames (SourceSink); every page is told of a change. */
  state(state: SourceState): void {
    const before = JSON.stringify(statusOf(this.sourceState));
    this.sourceState = state;
    const now = statusOf(state);
    if (JSON.stringify(now) === before) return;
    if (this.opts.publish) this.opts.publish('source-status', now);
    else this.io.emit('source-status', now);
  }

  /** Socket.IO clients connected now. */
  clients(): number {
    return this.io.of('/').sockets.size;
  }

  /** payloads from the source that failed validation and were dropped */
  get rejectedCount(): number {
    return this.rejected;
  }

  /**
   * Carries on the detector of a previous run of the same source from its last hello and
   * frames, sending nothing: an alert firing when it stopped fires on, with its id.
   */
  catchUpDetector(hello: Hello | undefined, frames: readonly Frame[]): void {
    this.detector.catchUp(hello, frames);
  }

  /** The alerts firing now, as the `alert` payloads that said they fired (GET /api/alerts). */
  firingAlerts(): AlertPayload[] {
    return this.clustered ? [...this.streamFiring.values()] : this.detector.firing();
  }

  hello(): Hello {
    const streamed = this.streamHello;
    if (!this.clustered || !streamed) return this.sourceHello();
    const hello: Hello = {
      ...streamed,
      now: this.log.newest?.t ?? streamed.now,
      gatewayId: this.id,
      // the version of the gateway a client talks to, not the holder's, as gatewayId is
      ...(this.opts.version !== undefined && { version: this.opts.version }),
    };
    // the resume buffer is this gateway's own: where its gap starts, not the holder's
    if (this.log.oldestSeq === undefined) delete hello.oldestSeq;
    else hello.oldestSeq = this.log.oldestSeq;
    return hello;
  }

  /** The hello of this gateway's own source (clustered: the holder's, sent through the stream). */
  private sourceHello(): Hello {
    const info = this.sourceInfo;
    return {
      v: PROTOCOL_VERSION,
      source: info?.source ?? 'none',
      mode: info?.mode ?? 'live',
      intervalMs: info?.intervalMs ?? 1000,
      ...(info?.tz !== undefined && { tz: info.tz }),
      ...(info?.speed !== undefined && { speed: info.speed }),
      ...(info?.latency !== undefined && { latency: info.latency }),
      servers: [...this.announced.servers],
      now: this.log.newest?.t ?? Date.now(),
      ...(this.log.oldestSeq !== undefined && { oldestSeq: this.log.oldestSeq }),
      gatewayId: this.id,
      ...(this.opts.shareWindowMs !== undefined && { shareWindowMs: this.opts.shareWindowMs }),
      ...(this.opts.version !== undefined && { version: this.opts.version }),
    };
  }

  info(info: SourceInfo): void {
    this.sourceInfo = info;
    this.announced.list(info.servers);
    this.announce();
  }

  /** A hello to every client, the recording and the detector: the server list changed. */
  private announce(): void {
    const hello = this.sourceHello();
    if (this.opts.publish) this.opts.publish('hello', hello);
    else {
      this.opts.onPayload?.('hello', hello);
      this.io.emit('hello', hello);
    }
    this.judge({ hello });
  }

  /** Into the detector now, or (a clustered holder) once the frames before it are back. */
  private judge(input: DetectorInput): void {
    if (!this.clustered) return this.detector.queue(input);
    this.unjudged.push(input);
    // frames that do not come back (Redis away, the fence refused them) are judged anyway,
    // late, rather than never
    let frames = 0;
    for (const x of this.unjudged) if ('frame' in x) frames++;
    while (frames > MAX_UNRETURNED_FRAMES) {
      const first = this.unjudged.shift()!;
      if ('frame' in first) frames--;
      this.detector.queue(first);
    }
  }

  /** Clustered holder: frame `seq` is back from the stream; the detector takes it and what came before. */
  private judgeReturned(seq: number): void {
    const last = this.unjudged.findIndex((x) => 'frame' in x && x.frame.seq === seq);
    if (last < 0) return;
    for (const input of this.unjudged.splice(0, last + 1)) this.detector.queue(input);
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
    // a server gone for a window leaves hello, one back returns: before the frame, so a
    // returning server's pool is known when its sample lands
    if (this.announced.frame(frame)) this.announce();
    if (this.opts.publish) this.opts.publish('frame', frame);
    else this.deliverFrame(frame);
    // after the frame is out: the detector takes it in the next turn of the event loop
    this.judge({ frame });
  }

  private deliverFrame(frame: Frame): void {
    this.lastFrameAt = Date.now();
    this.log.append(frame);
    this.opts.onPayload?.('frame', frame);
    this.io.emit('frame', frame);
  }

  /** One transition of the gateway's detector: to every client, and into the recording. */
  private sendAlert(raw: AlertPayload): void {
    let alert: AlertPayload;
    try {
      alert = alertSchema.check(raw);
    } catch (err) {
      this.reject(`alert ${JSON.stringify(raw.id)} from the detector`, err);
      return;
    }
    if (this.opts.publish) this.opts.publish('alert', alert);
    else this.deliverAlert(alert);
  }

  private deliverAlert(alert: AlertPayload): void {
    this.opts.onPayload?.('alert', alert);
    this.io.emit('alert', alert);
  }

  annotation(raw: SourceAnnotation): void {
    let annotation: Annotation;
    try {
      annotation = annotationSchema.check({ v: PROTOCOL_VERSION, ...raw });
    } catch (err) {
      this.reject(`annotation ${JSON.stringify(raw.id)} from the source`, err);
      return;
    }
    if (this.opts.publish) this.opts.publish('annotation', annotation);
    else this.deliverAnnotation(annotation);
  }

  private deliverAnnotation(annotation: Annotation): void {
    this.annotations.set(annotation.id, annotation);
    this.budget.set(annotation);
    this.opts.onPayload?.('annotation', annotation);
    this.io.emit('annotation', annotation);
  }

  private deliverRemove(id: string): void {
    if (!this.annotations.delete(id)) return;
    this.budget.remove(id);
    this.opts.onPayload?.('annotation:remove', { v: PROTOCOL_VERSION, id });
    this.io.emit('annotation:remove', { v: PROTOCOL_VERSION, id });
  }

  /**
   * Clustered: one payload of the cluster's stream, validated, for this gateway's viewers.
   * A frame this gateway already holds is skipped; one past a hole (a stream trimmed while
   * this gateway was cut off) starts the buffer afresh, so resuming clients see the gap.
   */
  receive(event: GatewayEventName, payload: unknown): void {
    const parsed = parsePayload(event, payload);
    if (!parsed.ok) return this.reject(`a payload from the cluster's stream`, parsed.error);
    const value = parsed.value;
    switch (event) {
      case 'frame': {
        const frame = value as Frame;
        const newest = this.log.newest;
        if (!newest || frame.seq > newest.seq) {
          if (newest && frame.seq !== newest.seq + 1) this.log.clear();
          this.deliverFrame(frame);
        }
        return this.judgeReturned(frame.seq);
      }
      case 'hello': {
        this.streamHello = value as Hello;
        this.opts.onPayload?.('hello', value as Hello);
        this.io.emit('hello', this.hello());
        return;
      }
      case 'alert': {
        const alert = value as AlertPayload;
        if (alert.state === 'firing') this.streamFiring.set(alert.id, alert);
        else this.streamFiring.delete(alert.id);
        return this.deliverAlert(alert);
      }
      case 'annotation':
        return this.deliverAnnotation(value as Annotation);
      case 'annotation:remove':
        return this.deliverRemove((value as { id: string }).id);
      case 'source-status': {
        const status = value as SourceStatus;
        this.sourceState = stateOf(status);
        this.io.emit('source-status', status);
      }
    }
  }

  /**
   * Clustered: the cluster's numbering, which this gateway joins (every gateway of one Redis
   * shares it, so a client resumes on any of them). Viewers are told when it changes.
   */
  joinNumbering(id: string): void {
    if (id === this.id) return;
    this.id = id;
    this.io.emit('hello', this.hello());
  }

  /**
   * Clustered: this gateway now runs the source. Numbering carries on after the last frame of
   * the stream (or `afterSeq`, when Redis lost it), and a fresh detector catches up on the
   * frames every gateway holds, adopting the alerts the stream says are firing: only what it
   * disagrees with is sent (see handoverTransitions).
   */
  takeOver(alerts: LiveAlerts, afterSeq = -1): void {
    this.nextSeq = Math.max(afterSeq, this.log.newest?.seq ?? -1) + 1;
    this.sourceInfo = undefined;
    this.sourceState = this.sourceState.kind === 'finished' ? this.sourceState : { kind: 'ok' };
    this.announced = new AnnouncedServers(this.opts.shareWindowMs ?? DEFAULT_CONFIG.windowMs);
    this.unjudged.length = 0;
    this.detector = new DetectorRunner(
      alerts,
      (alert) => this.sendAlert(alert),
      (message) => this.opts.warn?.(message),
    );
    const frames = this.log.after(-1);
    this.detector.catchUp(this.streamHello, frames);
    const announced = [...this.streamFiring.values()];
    alerts.adopt?.(announced);
    const lastT = frames.at(-1)?.t ?? Date.now();
    for (const alert of handoverTransitions(announced, alerts.firing(), lastT)) {
      this.sendAlert(alert);
    }
  }

  /** Clustered: what keeps this gateway from its cluster (undefined: nothing); viewers are told. */
  clusterTrouble(problem: string | undefined): void {
    if (problem === this.clusterProblem) return;
    this.clusterProblem = problem;
    const status: SourceStatus =
      problem === undefined
        ? statusOf(this.sourceState)
        : { v: PROTOCOL_VERSION, state: 'failing', problem: problem.slice(0, 1_000) };
    this.io.emit('source-status', status);
  }

  private reject(what: string, err: unknown): void {
    this.rejected++;
    this.opts.warn?.(`dropped ${what}: ${err instanceof Error ? err.message : String(err)}`);
  }

  private welcome(socket: Socket): void {
    const { access, auth } = socket.data as SocketData;
    // a client that resumes from another gateway's numbering gets the whole buffer
    const otherNumbering = auth.gatewayId !== undefined && auth.gatewayId !== this.gatewayId;
    const resumeAfterSeq = otherNumbering ? -1 : (auth.resumeAfterSeq ?? -1);
    const newestSeq = this.log.newest?.seq;
    socket.emit('hello', { ...this.hello(), ...(newestSeq !== undefined && { newestSeq }) });
    for (const frame of this.log.after(resumeAfterSeq)) socket.emit('frame', frame);
    for (const alert of this.firingAlerts()) socket.emit('alert', alert);
    const status =
      this.clusterProblem === undefined
        ? statusOf(this.sourceState)
        : { v: PROTOCOL_VERSION, state: 'failing' as const, problem: this.clusterProblem };
    if (status.state !== 'ok' || status.notice !== undefined) socket.emit('source-status', status);
    for (const annotation of this.annotations.values()) socket.emit('annotation', annotation);

    const mayWrite = access === 'write';
    const rate = this.opts.writeRate ?? DEFAULT_WRITE_RATE;
    const bucket = new TokenBucket(rate.burst, rate.perSecond);
    const onWrite = (event: string, handle: (payload: unknown) => WriteAck) =>
      socket.on(event, (payload: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (r: WriteAck) => void) : () => {};
        if (!mayWrite)
          return reply({ ok: false, error: 'unauthorized: writing needs the write token' });
        if (!bucket.take()) {
          return reply({
            ok: false,
            error: `${event}: too many writes: at most ${rate.perSecond} a second (${rate.burst} at once) from one connection; try again in ${Math.ceil(bucket.waitSeconds)} s`,
          });
        }
        try {
          reply(handle(payload));
        } catch (err) {
          reply({
            ok: false,
            error: `${event}: ${err instanceof Error ? err.message : String(err)}`,
          });
        }
      });
    onWrite('annotate', (payload) => this.annotate(payload));
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
        if (!this.annotations.has(id))
          return { ok: false, error: `no annotation ${JSON.stringify(id)}` };
        this.opts.notes?.remove(id);
        if (this.opts.publish) this.opts.publish('annotation:remove', { v: PROTOCOL_VERSION, id });
        else this.deliverRemove(id);
        return { ok: true, id };
      } catch (err) {
        return {
          ok: false,
          error: `annotate:remove: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
    });
  }

  /**
   * Adds a note from a writer (the `annotate` event, `POST /api/annotations`): validated,
   * given an id, kept and sent to every viewer. The caller has checked the writer's token and
   * rate; never throws.
   */
  annotate(payload: unknown): WriteAck {
    return this.writeNote(() => ({
      ...annotateRequest.check(payload),
      id: `note:${randomUUID()}`,
    }));
  }

  /** Validates, keeps and sends a note to every viewer; never throws at the caller. */
  private writeNote(build: () => Annotation): WriteAck {
    let note: Annotation;
    try {
      note = build();
      if (note.title.trim() === '') throw new Error('title: is empty');
      const full = this.budget.refuses(note);
      if (full) throw new Error(full);
    } catch (err) {
      return { ok: false, error: `annotate: ${err instanceof Error ? err.message : String(err)}` };
    }
    this.opts.notes?.upsert(note);
    if (this.opts.publish) this.opts.publish('annotation', note);
    else this.deliverAnnotation(note);
    return { ok: true, id: note.id };
  }
}

/** What the handshake decided about a connection, and what it asked for, kept on it. */
interface SocketData {
  access: Access;
  auth: HandshakeAuth;
}

/** A state as the stream carries it, read back. */
function stateOf(status: SourceStatus): SourceState {
  if (status.state === 'failing') return { kind: 'failing', problem: status.problem ?? 'failing' };
  if (status.state === 'finished') return { kind: 'finished' };
  return { kind: 'ok', ...(status.notice !== undefined && { notice: status.notice }) };
}

/** A source's state as the page is told it; bounded as the wire is (a system's text is not ours). */
function statusOf(state: SourceState): SourceStatus {
  return {
    v: PROTOCOL_VERSION,
    state: state.kind,
    ...(state.kind === 'failing' && { problem: state.problem.slice(0, 1_000) }),
    ...(state.kind === 'ok' &&
      state.notice !== undefined && { notice: state.notice.slice(0, 1_000) }),
  };
}
