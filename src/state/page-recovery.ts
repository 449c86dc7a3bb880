/**
 * A wall recovers by itself. After a fatal error the page reloads (RELOAD_POLICY), but only
 * once its own address answers, so a gateway that is away never turns the wall into the
 * browser's error page. What the URL does not hold of the view (a pinned moment) is kept for
 * the tab in sessionStorage and put back after such a reload, or after Chrome discarded the
 * tab to save memory and loaded it again (`document.wasDiscarded`).
 */
import { parseReloadHistory, planReload, type ReloadPlan } from './reload-plan';
import type { DashboardStore } from './store';

const HISTORY_KEY = 'skewboard:reloads';
const VIEW_KEY = 'skewboard:view';
const RELOADED_KEY = 'skewboard:reloaded';
/** how often an unreachable page is tried again before the reload */
const PROBE_EVERY_MS = 5000;

type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PageRecovery {
  /** a fatal error: plans the reload (or gives up) and starts it; returns the plan to show */
  fatal(): ReloadPlan;
  /** puts back the view kept for this tab when the page was reloaded by itself or discarded */
  restoreView(store: DashboardStore): void;
  /** keeps the view in storage as it changes; returns the unsubscribe */
  keepView(store: DashboardStore): () => void;
}

export interface RecoveryDeps {
  storage: TabStorage | undefined;
  /** the page's address, whose query is the view's key (the token already taken out) */
  location: Pick<Location, 'search'>;
  wasDiscarded: boolean;
  reload: () => void;
  /** whether the page's own address answers now */
  reachable: () => Promise<boolean>;
  now: () => number;
}

interface KeptView {
  search: string;
  viewEndT?: number;
}

export function createPageRecovery(deps: RecoveryDeps): PageRecovery {
  const { storage } = deps;
  const read = (key: string) => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string | undefined) => {
    try {
      if (value === undefined) storage?.removeItem(key);
      else storage?.setItem(key, value);
    } catch {
      // without storage the page still reloads; the guard and the pinned view are lost
    }
  };
  let planned: ReloadPlan | undefined;

  const reloadWhenReachable = async () => {
    while (!(await deps.reachable().catch(() => false))) {
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
    write(RELOADED_KEY, '1');
    deps.reload();
  };

  return {
    fatal() {
      // a second error while the first one's reload is pending changes nothing
      if (planned) return planned;
      const plan = planReload(parseReloadHistory(read(HISTORY_KEY)), deps.now());
      planned = plan;
      write(HISTORY_KEY, JSON.stringify(plan.history));
      if (plan.reload) setTimeout(() => void reloadWhenReachable(), plan.delayMs);
      return plan;
    },
    restoreView(store) {
      const reloaded = read(RELOADED_KEY) !== null;
      write(RELOADED_KEY, undefined);
      if (!reloaded && !deps.wasDiscarded) return;
      const kept = parseKeptView(read(VIEW_KEY));
      if (kept?.search !== deps.location.search) return;
      if (kept.viewEndT !== undefined) store.getState().pinView(kept.viewEndT);
    },
    keepView(store) {
      const save = (viewEndT: number | undefined) =>
        write(
          VIEW_KEY,
          JSON.stringify({
            search: deps.location.search,
            ...(viewEndT !== undefined && { viewEndT }),
          }),
        );
      save(store.getState().viewEndT);
      return store.subscribe((s, prev) => {
        if (s.viewEndT !== prev.viewEndT) save(s.viewEndT);
      });
    },
  };
}

function parseKeptView(text: string | null): KeptView | undefined {
  if (text === null) return undefined;
  try {
    const v = JSON.parse(text) as Partial<KeptView> | null;
    if (typeof v?.search !== 'string') return undefined;
    const end = v.viewEndT;
    return {
      search: v.search,
      ...(typeof end === 'number' && Number.isFinite(end) && { viewEndT: end }),
    };
  } catch {
    return undefined;
  }
}

/** The page's own address answers (the gateway that serves it is up). */
export async function pageReachable(href: string): Promise<boolean> {
  const res = await fetch(href, { method: 'HEAD', cache: 'no-store' });
  return res.ok;
}
