import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertPayload } from '../../core/protocol/protocol';
import { createLogger } from '../ops/logger';
import { createAlertDelivery } from './alert-delivery';

const firing: AlertPayload = {
  v: 1,
  id: 'share-skew:app-04,app-07:1715781300000',
  state: 'firing',
  t: 1715781300000,
  since: 1715781300000,
  rule: 'share-skew',
  servers: ['app-04', 'app-07'],
  cause: 'load-balancer',
  message: 'app-04, app-07 get 2.2x their weighted share',
};

afterEach(() => void vi.useRealTimers());

/** A delivery to Alertmanager whose posts are kept; resends every second of fake time. */
function delivery() {
  vi.useFakeTimers();
  const posts: { status: string; n: number }[] = [];
  const d = createAlertDelivery({
    source: 'sim:lb-misconfig',
    pageUrl: 'http://localhost:8080/',
    alertmanager: 'http://127.0.0.1:9093',
    log: createLogger({ format: 'text', out: () => {}, err: () => {} }),
    resendMs: 1000,
    post: async (_url, body) => {
      const alerts = body as { endsAt?: string }[];
      posts.push({ status: alerts[0]?.endsAt ? 'resolved' : 'firing', n: alerts.length });
    },
  });
  return { d, posts };
}

describe('carryOn: a gateway taking over the delivery', () => {
  it('sends nothing for the alerts it takes over, then re-sends them while they fire', async () => {
    const { d, posts } = delivery();
    d.carryOn([firing]);
    expect(posts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(posts).toEqual([{ status: 'firing', n: 1 }]);
    d.stop();
  });

  it('forgets them when given none (the lease went to another gateway)', async () => {
    const { d, posts } = delivery();
    d.carryOn([firing]);
    d.carryOn([]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(posts).toEqual([]);
    d.stop();
  });
});
