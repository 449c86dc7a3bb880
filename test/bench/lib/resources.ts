/**
 * What a benchmark starts (gateways, browsers, servers, temp folders), closed in reverse
 * order when it ends, fails, or runs past its time limit: a stuck benchmark gives up instead
 * of hanging `npm run bench`, and leaves no gateway behind.
 */
export interface Resources {
  /** keeps `value` to be closed by `close` at the end; returns it */
  hold<T>(value: T, close: (value: T) => Promise<unknown> | unknown): T;
  /** closes everything held, newest first; safe to call more than once */
  close(): Promise<void>;
}

export function resources(name: string, limitMs: number): Resources {
  const closers: (() => Promise<unknown> | unknown)[] = [];
  const close = async () => {
    clearTimeout(timer);
    for (const c of closers.splice(0).reverse()) {
      try {
        await c();
      } catch (err) {
        console.error(`${name}: while closing: ${err instanceof Error ? err.message : err}`);
      }
    }
  };
  const timer = setTimeout(() => {
    console.error(`${name}: gave up after ${limitMs / 1000} s`);
    void close().then(() => process.exit(1));
  }, limitMs);
  timer.unref();
  return {
    hold(value, closeIt) {
      closers.push(() => closeIt(value));
      return value;
    },
    close,
  };
}
