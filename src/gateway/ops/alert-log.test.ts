import { describe, expect, it } from 'vitest';
import { logAlert } from './alert-log';
import { createLogger } from './logger';

const T = Date.UTC(2024, 4, 15, 13, 55, 20);

describe('logAlert', () => {
  it.each([
    ['text', 'alert firing: app-04 and app-07 get 3x their share'],
    [
      'json',
      '{"alert":"share-skew:app-04,app-07","state":"firing","rule":"share-skew","servers":["app-04","app-07"],"cause":"load-balancer","frameTime":"2024-05-15T13:55:20.000Z","since":"2024-05-15T13:55:00.000Z","time":"2026-01-01T00:00:00.000Z","level":"info","msg":"alert firing: app-04 and app-07 get 3x their share"}',
    ],
  ] as const)('%s', (format, line) => {
    const out: string[] = [];
    const logger = createLogger({
      format,
      out: (l) => out.push(l),
      now: () => new Date(Date.UTC(2026, 0, 1)),
    });
    logAlert(logger, {
      v: 1,
      id: 'share-skew:app-04,app-07',
      state: 'firing',
      t: T,
      since: T - 20_000,
      rule: 'share-skew',
      servers: ['app-04', 'app-07'],
      cause: 'load-balancer',
      message: 'app-04 and app-07 get 3x their share',
    });
    expect(out).toEqual([line]);
  });
});
