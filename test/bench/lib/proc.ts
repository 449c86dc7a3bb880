/**
 * CPU time of a process from /proc (Linux), for the gateway that startGateway spawned: found
 * as this process's child listening on the given port.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The pid of this process's child whose command line has `--port <port>`. */
export function childOnPort(port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const i = args.indexOf('--port');
      if (i < 0 || args[i + 1] !== String(port)) continue;
      if (parentOf(Number(entry)) === process.pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no child process of ours listens with --port ${port}`);
}

function stat(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name may hold spaces: fields start after its closing parenthesis
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

const parentOf = (pid: number) => Number(stat(pid)[1]);

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = stat(pid);
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
