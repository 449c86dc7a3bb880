/**
 * The `skewboard` command line (CONTRACT section 3).
 */
import { UsageError } from './args';
import { analyze } from './commands/analyze';
import { check } from './commands/check';
import { parseServeArgs, serve } from './serve';
import { annotationsImport } from './commands/annotations-import';

const USAGE = `usage: skewboard serve [--source S] [--port N] [--token T] [--write-token T] [--record FILE] [--data DIR] [--speed X]
                [--no-record] [--record-max-bytes 64MiB] [--record-max-age 1h] [--record-total-bytes 1GiB]
                [--host H] [--allow-origin ORIGIN ...] [--allow-frame]
  tokens: --token lets a client read, --write-token lets it add notes (and read); or set
          SKEWBOARD_TOKEN / SKEWBOARD_WRITE_TOKEN, which do not show in ps
  --allow-origin: a page served from another origin (repeatable), e.g. http://localhost:5173
  --allow-frame: let other sites put the page in a frame
  sources: sim:<scenario> (default sim:lb-misconfig, the 2024-05-15 incident), replay:<recording file>,
           haproxy:<stats CSV URL>
  records to <data>/recordings unless --record FILE or --no-record; GET /api/recording?from=&to= downloads
       skewboard analyze <recording.ndjson[.gz] | -> [--config FILE]
       skewboard check --haproxy <stats CSV URL> [--window 30s] [--backend NAME] [--config FILE]
       skewboard annotations import <postmortem.md> [--tz ZONE] [--date YYYY-MM-DD]`;

/** Runs one command; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(parseServeArgs(rest));
      case 'analyze':
        return await analyze(rest);
      case 'check':
        return await check(rest);
      case 'annotations':
        return await annotationsImport(rest);
      case undefined:
      case '--help':
      case 'help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`skewboard: ${err.message}\n${USAGE}`);
      return 2;
    }
    console.error(`skewboard: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
