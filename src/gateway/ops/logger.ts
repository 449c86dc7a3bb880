/**
 * The gateway's log: the plain lines people read (the default, unchanged), or with
 * `--log-format json` one JSON object a line, `time` (ISO), `level`, `msg` and the fields, for
 * a log collector. Information goes to stdout, warnings and errors to stderr, in both formats.
 */

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export type LogLevel = 'info' | 'warn' | 'error';
/** What a line says besides its message, e.g. `{ clients: 3 }`. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  format: LogFormat;
  out?: (line: string) => void;
  err?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(opts: LoggerOptions): Logger {
  const out = opts.out ?? ((line) => process.stdout.write(`${line}\n`));
  const err = opts.err ?? ((line) => process.stderr.write(`${line}\n`));
  const now = opts.now ?? (() => new Date());
  const write = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    const to = level === 'info' ? out : err;
    if (opts.format === 'text') {
      // the text lines are what the gateway always printed: fields are for machines
      to(level === 'info' ? msg : `skewboard: ${msg}`);
      return;
    }
    // fields never overwrite the three every line has
    to(jsonLine({ ...fields, time: now().toISOString(), level, msg }));
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** One line of JSON, whatever the fields hold (an Error, a bigint, a cycle). */
function jsonLine(entry: LogFields): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(entry, (_key, value: unknown) => {
    if (value instanceof Error) return value.message;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[cycle]';
      seen.add(value);
    }
    return value;
  });
}

export function parseLogFormat(value: string): LogFormat | undefined {
  return (LOG_FORMATS as readonly string[]).includes(value) ? (value as LogFormat) : undefined;
}
