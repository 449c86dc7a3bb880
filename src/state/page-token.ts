/**
 * The gateway token the page was opened with (`?token=`): taken out of the address bar at
 * once, so it does not stay in the history, a bookmark, a copied or shared link, and kept for
 * this tab only (sessionStorage), so a reload in the same tab still connects.
 */
import { withoutParam, type PageParams } from './url-params';

/** What the page reads and rewrites: the browser's, or a test's stand-ins. */
export interface TokenPlaces {
  location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>;
  history: Pick<History, 'state' | 'replaceState'>;
  /** undefined where the browser refuses storage (a sandbox, storage turned off) */
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

/** A tab's token is its gateway's: another gateway opened in the same tab is not sent it. */
const keyFor = (gateway: string) => `skewboard:token:${gateway}`;

/** The token to present: the one in the URL (then removed from it), else the tab's. */
export function takePageToken(params: PageParams, places: TokenPlaces): string | undefined {
  const { location, history, storage } = places;
  const key = keyFor(params.gateway ?? location.origin);
  if (params.token === undefined) {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }
  try {
    storage?.setItem(key, params.token);
  } catch {
    // without storage a reload asks for the token again; the address bar is cleaned all the same
  }
  const search = withoutParam(location.search, 'token');
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  return params.token;
}

/** The browser's places; sessionStorage itself throws where storage is refused. */
export function browserTokenPlaces(): TokenPlaces {
  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  return { location: window.location, history: window.history, storage };
}
