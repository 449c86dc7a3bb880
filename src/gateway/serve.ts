/**
 * `skewboard serve`: the gateway and the built SPA on one port.
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { Hub } from './hub';
import { numberFlag, UsageError, type ParsedArgs } from './args';
import { openNoteStore } from './note-store';
import { openRecorder } from './recorder';
import { haproxySource } from './sources/haproxy-source';
import { simSource } from './sources/sim-source';
import type { Source } from './sources/source';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
export const SERVE_FLAGS = [
  'source',
  'port',
  'token',
  'write-token',
  'record',
  'data',
  'speed',
  'host',
  'seed',
];

function sourceFrom(
  spec: string,
  speed: number,
  seed: number | undefined,
  skipFrames: number,
): Source {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const target = colon < 0 ? '' : spec.slice(colon + 1);
  switch (kind) {
    case 'sim':
      return simSource({
        scenario: target || 'lb-misconfig',
        speed,
        skipFrames,
        ...(seed !== undefined && { seed }),
      });
    case 'haproxy':
      // a live HAProxy runs in real time: --speed does not apply
      if (!target)
        throw new UsageError(
          '--source haproxy:<stats CSV URL>, e.g. haproxy:http://lb:8404/stats;csv',
        );
      return haproxySource({ url: target });
    default:
      throw new UsageError(
        `--source ${JSON.stringify(spec)}: unknown source; use sim:<scenario> (e.g. sim:lb-misconfig) or haproxy:<stats CSV URL>`,
      );
  }
}

export async function serve(args: ParsedArgs): Promise<number> {
  const port = numberFlag(args, 'port', 8080);
  const speed = numberFlag(args, 'speed', 1, 0.001);
  const seedFlag = args.flags.get('seed');
  const seed = seedFlag === undefined ? undefined : numberFlag(args, 'seed', 0);
  const host = args.flags.get('host') ?? '0.0.0.0';
  const spec = args.flags.get('source') ?? 'sim:lb-misconfig';
  const recordPath = args.flags.get('record');
  const recorder = recordPath ? await openRecorder(recordPath) : undefined;
  const sourceName = spec === 'sim' ? 'sim:lb-misconfig' : spec;
  // a restarted simulator carries on where the recording stopped instead of replaying it
  const played =
    recorder?.restoredSource?.source === sourceName ? recorder.restoredSource.frames : 0;
  const source = sourceFrom(spec, speed, seed, played);

  const { staticFiles } = await import('./static-files');
  const http = createServer(staticFiles(DIST));
  const io = new Server(http, { cors: { origin: '*' }, serveClient: false });
  const warn = (m: string) => console.error(`skewboard: ${m}`);
  const dataDir = args.flags.get('data') ?? 'data';
  const notes = openNoteStore(join(dataDir, 'annotations.ndjson'), warn);
  const hub = new Hub(io, {
    ...(args.flags.has('token') && { token: args.flags.get('token') }),
    ...(args.flags.has('write-token') && { writeToken: args.flags.get('write-token') }),
    notes,
    bufferFrames: 2000,
    bufferAgeMs: 6 * 3600_000,
    warn,
    ...(recorder && { onPayload: recorder.write, ...recorder.restored }),
  });
  if (recorder) for (const a of recorder.restoredAnnotations) hub.annotations.set(a.id, a);
  if (recorder) for (const f of recorder.restoredFrames) hub.log.append(f);

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolveListen());
  });
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Skewboard gateway: ${spec} at ${speed}x`);
  console.log(`Open http://localhost:${actualPort}/`);
  source.start(hub);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  source.stop();
  await new Promise<void>((r) => io.close(() => r()));
  await recorder?.close();
  return 0;
}
