import { bandName } from './cell-values';
import type { RowPlan } from './row-plan';
import type { BandShare } from './use-row-plan';

export interface HeatmapLabelsProps {
  plan: RowPlan;
  rowPx: number;
  /** rows tall enough to carry a name: thinner ones show only colour */
  labelled: boolean;
  alerting: ReadonlySet<string>;
  bandShares: ReadonlyMap<string, BandShare>;
  onToggle: (pool: string) => void;
}

const percent = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

/** The names beside the heatmap's rows: a server's id, or a band's pool, count and share. */
export function HeatmapLabels({
  plan,
  rowPx,
  labelled,
  alerting,
  bandShares,
  onToggle,
}: HeatmapLabelsProps) {
  const showText = labelled;
  return (
    <ol
      className="heatmap-labels"
      style={{ gridTemplateRows: `repeat(${plan.rows.length}, ${rowPx}px)` }}
    >
      {plan.rows.map((row) => {
        if (row.kind === 'server') {
          const on = alerting.has(row.id);
          return (
            <li
              key={row.id}
              data-testid="heatmap-row"
              data-server={row.id}
              data-alerting={on}
              className={on ? 'alerting' : undefined}
              style={{ height: rowPx }}
            >
              {showText ? row.id : ''}
            </li>
          );
        }
        const share = bandShares.get(row.pool);
        const name = bandName(row.pool, row.ids.length);
        const shareText =
          share && share.expected > 0
            ? `${percent(share.share)} of the pool's requests, weighted share ${percent(share.expected)}`
            : '';
        return (
          <li
            key={`\u0000${row.pool}`}
            data-testid="heatmap-band"
            data-pool={row.pool}
            data-count={row.ids.length}
            data-unfolded={row.unfolded}
            data-share={share ? share.share.toFixed(4) : undefined}
            className="heatmap-band"
            style={{ height: rowPx }}
          >
            <button
              type="button"
              aria-expanded={row.unfolded}
              aria-label={shareText === '' ? name : `${name}, ${shareText}`}
              title={shareText === '' ? name : `${name}: ${shareText}`}
              onClick={() => onToggle(row.pool)}
            >
              {showText && (
                <>
                  <span aria-hidden="true">{row.unfolded ? '▾ ' : '▸ '}</span>
                  {/* short: the label column is narrow on a phone; the title says it in full */}
                  {row.pool === '' ? 'others' : row.pool} ×{row.ids.length.toLocaleString('en-US')}
                  {share && share.expected > 0 && (
                    <span className="muted"> · {percent(share.share)}</span>
                  )}
                </>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
