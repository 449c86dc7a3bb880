import { useMemo } from 'react';
import type { SeriesStore } from '../../core/series/series-store';
import { useDashboard } from '../store-context';
import { useAlertingServers } from '../use-alerting-servers';
import type { HeatmapGeometry } from './heatmap-geometry';
import { heatmapSummary } from './heatmap-summary';
import type { RowPlan } from './row-plan';

/** t of the first and last frame whose column is on the heatmap; NaN when none. */
export function framesOnScreen(
  store: SeriesStore,
  g: HeatmapGeometry,
): { fromT: number; toT: number } {
  const from = store.countAtOrBefore(g.newestT - (g.columns - 0.5) * g.intervalMs);
  const to = store.countAtOrBefore(g.newestT + 0.5 * g.intervalMs);
  if (to <= from) return { fromT: NaN, toT: NaN };
  return { fromT: store.times[store.slot(from)]!, toT: store.times[store.slot(to - 1)]! };
}

/** The heatmap's one-sentence summary (see heatmapSummary), as of the series `version`. */
export function useHeatmapSummary(
  plan: RowPlan,
  g: HeatmapGeometry,
  tz: string,
  version: number,
): string {
  const series = useDashboard((s) => s.series);
  const alerting = useAlertingServers();
  const { newestT, columns, intervalMs } = g;
  return useMemo(() => {
    const { fromT, toT } = framesOnScreen(series, { newestT, columns, intervalMs });
    const single = plan.rows.filter((r) => r.kind === 'server');
    return heatmapSummary({
      servers: plan.servers,
      alerting: series.servers.filter((s) => alerting.has(s.id)).map((s) => s.id),
      ...(plan.folded && {
        folded: { single: single.length, bands: plan.rows.length - single.length },
      }),
      fromT,
      toT,
      tz,
    });
    // the series is mutated in place; the version says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan, series, alerting, newestT, columns, intervalMs, tz, version]);
}
