/**
 * The `skewboard` command line (CONTRACT section 3).
 */
import { parseArgs, UsageError } from './args';
import { analyze } from './commands/analyze';
import { check } from './commands/check';
import { serve, SERVE_FLAGS } from './serve';
import { annotationsImport } from './commands/annotations-import';

const USAGE = `usage: skewboard serve [--source S] [--port N] [--token T] [--write-token T] [--record FILE] [--data DIR] [--speed X]
  sources: sim:<scenario> (default sim:lb-misconfig, the 2024-05-15 incident), haproxy:<stats CSV URL>
       skewboard analyze <recording.ndjson[.gz] | -> [--config FILE]
       skewboard check --haproxy <stats CSV URL> [--window 30s] [--backend NAME] [--config FILE]
       skewboard annotations import <postmortem.md> [--tz ZONE] [--date YYYY-MM-DD]`;

/** Runs one command; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(parseArgs(rest, SERVE_FLAGS));
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
