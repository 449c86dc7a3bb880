import { useCallback, useMemo, useState } from 'react';
import { shareWindow } from '../../core/share/share-window';
import { standingOut } from '../../core/detector/standing-out';
import { selectShareWindowMs } from '../../state/connection-slice';
import {
  selectViewEnd,
  useDashboard,
  useThrottledSelector,
  useThrottledSeriesVersion,
} from '../store-context';
import { useAlertingServers } from '../use-alerting-servers';
import { planRows, type PlanRow, type PlanServer, type RowPlan } from './row-plan';

const AFTER_PAINT = { afterPaint: true };
/** who stands out is judged at most this often: rows should not jump about */
const JUDGE_EVERY_MS = 2000;

/** A band's share of its pool's requests over the detector's window, and its weighted share. */
export interface BandShare {
  share: number;
  expected: number;
}

/** The heatmap's rows, what the bands get, and how to fold or unfold a pool. */
export interface RowPlanState {
  plan: RowPlan;
  bandShares: ReadonlyMap<string, BandShare>;
  toggle: (pool: string) => void;
}

/** id and pool of every server, one line each: a string, so an unchanged list is equal */
const selectServerLines = (s: { series: { servers: readonly PlanServer[] } }) =>
  s.series.servers.map((x) => `${x.id}\u0000${x.pool ?? ''}`).join('\n');

/** The rows of the heatmap for the rows that `fit` (see planRows). */
export function useRowPlan(fit: number): RowPlanState {
  const lines = useDashboard(selectServerLines);
  const servers = useMemo<PlanServer[]>(
    () =>
      lines === ''
        ? []
        : lines.split('\n').map((line) => {
            const [id, pool] = line.split('\u0000') as [string, string];
            return pool === '' ? { id } : { id, pool };
          }),
    [lines],
  );
  const alerting = useAlertingServers();
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (pool: string) =>
      setUnfolded((was) => {
        const next = new Set(was);
        if (!next.delete(pool)) next.add(pool);
        return next;
      }),
    [],
  );

  const folds = servers.length > fit;
  // shares are judged only for a fleet that folds, after the frame has painted
  const version = useThrottledSeriesVersion(JUDGE_EVERY_MS, AFTER_PAINT);
  const series = useDashboard((s) => s.series);
  const windowMs = useDashboard(selectShareWindowMs);
  const viewEndT = useThrottledSelector(selectViewEnd, JUDGE_EVERY_MS, AFTER_PAINT);
  const shares = useMemo(
    () => (folds ? shareWindow(series, windowMs, viewEndT).shares : []),
    // the series is mutated in place; the version says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [folds, series, windowMs, version, viewEndT],
  );
  // who stood out at the last judgement keeps its row until it is well back (STAY_SCORE):
  // the judgement depends on the one before, kept as state and updated while rendering
  const [judged, setJudged] = useState(() => ({ shares, ranked: standingOut(shares) }));
  let ranked = judged.ranked;
  if (judged.shares !== shares) {
    ranked = standingOut(shares, new Set(judged.ranked));
    setJudged({ shares, ranked });
  }

  const fresh = useMemo(
    () => planRows({ servers, alerting, standingOut: ranked, fit, unfolded }),
    [servers, alerting, ranked, fit, unfolded],
  );
  // the same plan object while its rows stay the same: a new one makes the canvas repaint
  const key = useMemo(() => planKey(fresh), [fresh]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => fresh, [key]);

  const bandShares = useMemo(() => {
    const byId = new Map(shares.map((s) => [s.id, s]));
    const out = new Map<string, BandShare>();
    for (const row of plan.rows) {
      if (row.kind !== 'band') continue;
      let share = 0;
      let expected = 0;
      for (const id of row.ids) {
        const s = byId.get(id);
        if (!s) continue;
        if (!Number.isNaN(s.share)) share += s.share;
        expected += s.expected;
      }
      out.set(row.pool, { share, expected });
    }
    return out;
  }, [plan, shares]);

  return { plan, bandShares, toggle };
}

function planKey(plan: RowPlan): string {
  return plan.rows.map(rowKey).join('\n');
}

const rowKey = (r: PlanRow) =>
  r.kind === 'server' ? r.id : `\u0000${r.pool}\u0000${r.unfolded}\u0000${r.ids.join(',')}`;
