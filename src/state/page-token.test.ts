import { describe, expect, it } from 'vitest';
import { takePageToken, type TokenPlaces } from './page-token';
import { readPageParams } from './url-params';

function places(search: string, stored: Record<string, string> = {}, refuse = false) {
  const items = new Map(Object.entries(stored));
  const urls: string[] = [];
  const location = { origin: 'http://gw:8080', pathname: '/', search, hash: '#x' };
  const p: TokenPlaces = {
    location,
    history: { state: null, replaceState: (_s, _t, url) => void urls.push(String(url)) },
    storage: {
      getItem: (k) => {
        if (refuse) throw new Error('SecurityError');
        return items.get(k) ?? null;
      },
      setItem: (k, v) => {
        if (refuse) throw new Error('QuotaExceededError');
        items.set(k, v);
      },
    },
  };
  return { p, items, urls };
}

describe('takePageToken', () => {
  it.each<{
    how: string;
    search: string;
    stored?: Record<string, string>;
    refuse?: boolean;
    token: string | undefined;
    url: string | undefined;
    kept?: Record<string, string>;
  }>([
    {
      how: 'takes it out of the URL and keeps it for the tab',
      search: '?token=W&tz=UTC&kiosk',
      token: 'W',
      url: '/?tz=UTC&kiosk#x',
      kept: { 'skewboard:token:http://gw:8080': 'W' },
    },
    {
      how: 'a reload reads the tab’s',
      search: '?tz=UTC',
      stored: { 'skewboard:token:http://gw:8080': 'W' },
      token: 'W',
      url: undefined,
    },
    {
      how: 'a token in the URL wins over the tab’s',
      search: '?token=new',
      stored: { 'skewboard:token:http://gw:8080': 'old' },
      token: 'new',
      url: '/#x',
      kept: { 'skewboard:token:http://gw:8080': 'new' },
    },
    {
      how: 'another gateway is not sent this one’s token',
      search: '?gateway=http://other:9000',
      stored: { 'skewboard:token:http://gw:8080': 'W' },
      token: undefined,
      url: undefined,
    },
    {
      how: 'kept per gateway',
      search: '?gateway=http://other:9000&token=O',
      token: 'O',
      url: '/?gateway=http://other:9000#x',
      kept: { 'skewboard:token:http://other:9000': 'O' },
    },
    { how: 'none anywhere', search: '', token: undefined, url: undefined },
    {
      how: 'storage refused: still taken out of the URL',
      search: '?token=W',
      refuse: true,
      token: 'W',
      url: '/#x',
    },
    {
      how: 'storage refused, nothing in the URL',
      search: '',
      refuse: true,
      token: undefined,
      url: undefined,
    },
  ])('$how', ({ search, stored, refuse, token, url, kept }) => {
    const { p, items, urls } = places(search, stored, refuse);
    expect(takePageToken(readPageParams(search), p)).toBe(token);
    expect(urls).toEqual(url === undefined ? [] : [url]);
    if (kept) expect(Object.fromEntries(items)).toEqual(kept);
  });
});
