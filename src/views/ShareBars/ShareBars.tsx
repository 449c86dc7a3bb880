import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { shareOutliers } from '../../core/share-outliers';
import { summarizeShares } from '../../core/share-summary';
import { formatLatency } from '../../core/time-format';
import {
  selectViewEnd,
  useDashboard,
  useThrottledSelector,
  useThrottledSeriesVersion,
  useValueAfterPaint,
} from '../store-context';
import { useAlertingServers } from '../use-alerting-servers';
import { shareColour } from './share-colour';

export interface ShareBarsProps {
  kiosk: boolean;
}

/** frames the share is summed over: a minute of traffic smooths out chance */
const WINDOW_MS = 60_000;
const AFTER_PAINT = { afterPaint: true };
/** most servers drawn; a bigger pool shows those furthest off their share */
const MAX_ROWS = 60;
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');

/** Each server's share of requests now against the share its weight should give it. */
export const ShareBars = memo(function ShareBars({ kiosk }: ShareBarsProps) {
  // after the next paint: a replay seek, a change of the firing alerts or a recording opened
  // paints the heatmap at once, and these bars (tens of ms of SVG) render in the frame after
  const version = useThrottledSeriesVersion(500, AFTER_PAINT);
  const alerting = useValueAfterPaint(useAlertingServers());
  const series = useValueAfterPaint(useDashboard((s) => s.series));
  const intervalMs = useDashboard((s) => s.source?.intervalMs ?? 1000);
  // a pinned view shows the shares at its moment, not now
  const viewEndT = useThrottledSelector(selectViewEnd, 250, AFTER_PAINT);
  const all = useMemo(
    () => summarizeShares(series, Math.max(1, Math.round(WINDOW_MS / intervalMs)), viewEndT),
    // the series is mutated in place; the version says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, intervalMs, version, viewEndT],
  );
  const rows = useMemo(() => shareOutliers(all, MAX_ROWS, alerting), [all, alerting]);
  const barSize = 12;
  const height = Math.max(120, rows.length * (barSize * 2 + 6) + 40);
  // the same elements while rows and alerts stand still, so React skips the chart entirely
  const section = useMemo(() => {
    const data = rows.map((r) => ({
      id: r.id,
      share: Number.isFinite(r.share) ? r.share * 100 : 0,
      expected: r.expected * 100,
      ratio: r.ratio,
    }));
    return (
      <section className="panel share-panel" aria-label="Request share">
        <header className="panel-header">
          <h2>
            Share of requests vs weighted share
            {rows.length < all.length && (
              <span className="muted" data-testid="share-outliers">
                {' '}
                · the {rows.length} of {all.length} servers furthest off
              </span>
            )}
          </h2>
          <span className="legend-inline">
            <span className="swatch expected" /> expected <span className="swatch over" /> over{' '}
            <span className="swatch under" /> under
          </span>
        </header>
        <div className="share-body" data-testid="share-bars" data-version={version}>
          <div className="share-chart" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
              >
                <CartesianGrid horizontal={false} stroke="#2c3340" />
                <XAxis
                  type="number"
                  unit="%"
                  domain={[0, (max: number) => Math.max(20, Math.ceil(max / 5) * 5)]}
                  tick={{ fill: '#c9d1d9', fontSize: kiosk ? 18 : 12 }}
                />
                <YAxis
                  type="category"
                  dataKey="id"
                  width={kiosk ? 90 : 64}
                  tick={(props: {
                    x: number | string;
                    y: number | string;
                    payload: { value: string };
                  }) => (
                    <text
                      x={props.x}
                      y={props.y}
                      dy="0.35em"
                      textAnchor="end"
                      fontSize={kiosk ? 20 : 12}
                      fontWeight={alerting.has(props.payload.value) ? 700 : 400}
                      fill={alerting.has(props.payload.value) ? '#ff5c5c' : '#e6edf3'}
                    >
                      {alerting.has(props.payload.value)
                        ? `⚠ ${props.payload.value}`
                        : props.payload.value}
                    </text>
                  )}
                />
                <Bar
                  dataKey="expected"
                  fill="#4b5563"
                  barSize={barSize}
                  isAnimationActive={false}
                />
                <Bar dataKey="share" barSize={barSize} isAnimationActive={false}>
                  {data.map((d) => (
                    <Cell
                      key={d.id}
                      fill={shareColour(d.ratio)}
                      stroke={alerting.has(d.id) ? '#ff5c5c' : undefined}
                      strokeWidth={2}
                    />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="share-table">
            <thead>
              <tr>
                <th>server</th>
                <th>share</th>
                <th>expected</th>
                <th>ratio</th>
                <th>p95</th>
                <th>errors</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  data-testid="share-row"
                  data-server={r.id}
                  data-share={Number.isFinite(r.share) ? r.share.toFixed(4) : ''}
                  data-expected={r.expected.toFixed(4)}
                  data-alerting={alerting.has(r.id)}
                  className={
                    [r.up ? '' : 'down', alerting.has(r.id) ? 'alerting' : ''].join(' ').trim() ||
                    undefined
                  }
                >
                  <td>{r.label}</td>
                  <td>{pct(r.share)}</td>
                  <td>{r.up ? pct(r.expected) : 'down'}</td>
                  <td style={{ color: shareColour(r.ratio) }}>
                    {Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}x` : '–'}
                  </td>
                  <td>{formatLatency(r.p95)}</td>
                  <td>{r.requests > 0 ? pct(r.errorRate) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }, [rows, all.length, alerting, kiosk, version, height]);
  return section;
});
