import { describe, expect, it } from 'vitest';
import {
  readPageParams,
  searchWithWindow,
  withoutParam,
  withParam,
  type PageParams,
} from './url-params';

describe('readPageParams', () => {
  it.each<{ search: string; want: PageParams }>([
    { search: '', want: { kiosk: false } },
    { search: '?', want: { kiosk: false } },
    { search: '?kiosk', want: { kiosk: true } },
    { search: '?kiosk=', want: { kiosk: true } },
    { search: '?kiosk=1', want: { kiosk: true } },
    { search: '?kiosk=true', want: { kiosk: true } },
    { search: '?kiosk=false', want: { kiosk: false } },
    { search: 'kiosk', want: { kiosk: true } },
    {
      search: '?from=1715781600000&to=1715785200000',
      want: { kiosk: false, from: 1715781600000, to: 1715785200000 },
    },
    { search: '?t=1715783400000', want: { kiosk: false, t: 1715783400000 } },
    { search: '?t=0', want: { kiosk: false, t: 0 } },
    { search: '?from=abc&to=&t=Infinity', want: { kiosk: false } },
    { search: '?from=%20&to=12x', want: { kiosk: false } },
    { search: '?t=NaN', want: { kiosk: false } },
    {
      search: '?gateway=http%3A%2F%2Flocalhost%3A8080',
      want: { kiosk: false, gateway: 'http://localhost:8080' },
    },
    {
      search: '?gateway=http://gw.example:9000',
      want: { kiosk: false, gateway: 'http://gw.example:9000' },
    },
    { search: '?gateway=', want: { kiosk: false } },
    { search: '?replay=/sample.ndjson', want: { kiosk: false, replay: '/sample.ndjson' } },
    { search: '?tz=America/New_York', want: { kiosk: false, tz: 'America/New_York' } },
    { search: '?tz=-04:00', want: { kiosk: false, tz: '-04:00' } },
    { search: '?tz=%2B05:30', want: { kiosk: false, tz: '+05:30' } },
    // a "+" in a query string reads as a space; the documented "+HH:MM" zone typed as is still works
    { search: '?tz=+05:30', want: { kiosk: false, tz: '+05:30' } },
    { search: '?tz=', want: { kiosk: false } },
    { search: '?token=s3cret', want: { kiosk: false, token: 's3cret' } },
    { search: '?window=15m', want: { kiosk: false, window: 900_000 } },
    { search: '?window=6h', want: { kiosk: false, window: 21_600_000 } },
    { search: '?window=90s', want: { kiosk: false, window: 90_000 } },
    // too short, too long, or not a duration: the default window
    { search: '?window=10s', want: { kiosk: false } },
    { search: '?window=30d', want: { kiosk: false } },
    { search: '?window=1h30m', want: { kiosk: false } },
    { search: '?window=', want: { kiosk: false } },
    // Grafana's relative range is a live window
    { search: '?from=now-1h&to=now', want: { kiosk: false, window: 3_600_000 } },
    { search: '?from=now-15m', want: { kiosk: false, window: 900_000 } },
    { search: '?from=now-1h&to=now-30m', want: { kiosk: false } },
    { search: '?from=now-1h&to=now&window=15m', want: { kiosk: false, window: 900_000 } },
    {
      search: '?kiosk&tz=-04:00&replay=/r.ndjson&t=1715783400000&from=1715781600000',
      want: {
        kiosk: true,
        tz: '-04:00',
        replay: '/r.ndjson',
        t: 1715783400000,
        from: 1715781600000,
      },
    },
  ])('$search', ({ search, want }) => {
    expect(readPageParams(search)).toStrictEqual(want);
  });
});

describe('withoutParam', () => {
  it.each<{ search: string; want: string }>([
    { search: '', want: '' },
    { search: '?token=s3cret', want: '' },
    { search: '?token=s3cret&tz=UTC', want: '?tz=UTC' },
    { search: '?kiosk&token=s3cret&tz=+05:30', want: '?kiosk&tz=+05:30' },
    {
      search: '?gateway=http%3A%2F%2Fgw%3A9000&token=a%26b',
      want: '?gateway=http%3A%2F%2Fgw%3A9000',
    },
    // spelled out with escapes, or twice: every one goes
    { search: '?%74oken=x&token=y&t=5', want: '?t=5' },
    { search: '?token&kiosk', want: '?kiosk' },
    { search: '?tokens=1&my_token=2', want: '?tokens=1&my_token=2' },
    { search: '?t=1715783400000&&token=x', want: '?t=1715783400000' },
    { search: '?%E0%A4%A=1&token=x', want: '?%E0%A4%A=1' },
  ])('$search', ({ search, want }) => {
    expect(withoutParam(search, 'token')).toBe(want);
    expect(readPageParams(withoutParam(search, 'token')).token).toBeUndefined();
  });
});

describe('withParam', () => {
  it.each<{ search: string; want: string }>([
    { search: '', want: '?window=1h' },
    { search: '?', want: '?window=1h' },
    { search: '?kiosk', want: '?kiosk&window=1h' },
    // in its own place, every other parameter as it was written
    { search: '?window=15m&tz=+05:30', want: '?window=1h&tz=+05:30' },
    {
      search: '?gateway=http%3A%2F%2Fgw&window=6h&kiosk',
      want: '?gateway=http%3A%2F%2Fgw&window=1h&kiosk',
    },
    // written twice or with escapes: one stays
    { search: '?window=6h&t=5&%77indow=15m', want: '?window=1h&t=5' },
  ])('$search', ({ search, want }) => {
    expect(withParam(search, 'window', '1h')).toBe(want);
    expect(readPageParams(withParam(search, 'window', '1h')).window).toBe(3_600_000);
  });
});

describe('searchWithWindow', () => {
  it.each<{ search: string; ms: number; want: string }>([
    { search: '', ms: 900_000, want: '?window=15m' },
    { search: '?window=15m&kiosk', ms: 21_600_000, want: '?window=6h&kiosk' },
    // a pinned range gives way to the window; the rest stays as written
    {
      search: '?tz=+05:30&from=1715781600000&to=1715785200000',
      ms: 3_600_000,
      want: '?tz=+05:30&window=1h',
    },
    { search: '?from=now-1h&to=now', ms: 900_000, want: '?window=15m' },
    { search: '?replay=%2Fr.ndjson&t=5', ms: 7_200_000, want: '?replay=%2Fr.ndjson&t=5&window=2h' },
  ])('$search + $ms ms', ({ search, ms, want }) => {
    expect(searchWithWindow(search, ms)).toBe(want);
  });
});
