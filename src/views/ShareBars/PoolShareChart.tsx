import { useRef } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { ServerShare } from '../../core/share/share-window';
import { formatLatency } from '../../core/format/time-format';
import { useBoxMetrics } from '../use-box-metrics';
import { deskChartSizing, wallChartSizing } from './chart-sizing';
import { shareColour } from './share-colour';
import './text-measure-cache';

export interface PoolShareChartProps {
  pool: string;
  /** whose share, over how long: said on screen so nobody reads it as another window's */
  caption: string;
  rows: ServerShare[];
  alerting: ReadonlySet<string>;
  /** the latency column's heading: "p95", or "mean" when the source only knows a mean */
  latencyColumn: string;
  kiosk: boolean;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
const UNMEASURED = { fontPx: 24, heightPx: 0, widthPx: 0 };

/** One pool's servers: each one's share of the pool against its weighted share. */
export function PoolShareChart({
  pool,
  caption,
  rows,
  alerting,
  latencyColumn,
  kiosk,
}: PoolShareChartProps) {
  const chartRef = useRef<HTMLDivElement>(null);
  const box = useBoxMetrics(chartRef, UNMEASURED);
  const labels = new Map(rows.map((r) => [r.id, r.label]));
  // the pool is in the caption: each bar is named as in the table, wide enough for the longest
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const size = kiosk
    ? wallChartSizing(rows.length, longest, box.fontPx, box.heightPx)
    : deskChartSizing(rows.length, longest);
  const data = rows.map((r) => ({
    id: r.id,
    share: Number.isFinite(r.share) ? r.share * 100 : 0,
    expected: r.expected * 100,
    ratio: r.ratio,
    // a wall has no table: the bars of the servers alerting carry their ratio
    mark: kiosk && alerting.has(r.id) && Number.isFinite(r.ratio) ? `${r.ratio.toFixed(1)}x` : '',
  }));
  return (
    <div
      className="share-pool"
      data-testid="share-pool"
      data-pool={pool}
      // a wall shares the panel's height between pools by their number of servers
      style={kiosk ? { flexGrow: Math.max(1, rows.length) } : undefined}
    >
      <p className="share-caption muted" data-testid="share-caption">
        {caption}
      </p>
      {/* a picture of the table below, which carries the same figures to a screen reader and
          the keyboard: inert, or Chromium stops Tab at each of recharts' layers */}
      <div
        ref={chartRef}
        className="share-chart"
        style={{ height: size.heightPx }}
        inert
        aria-hidden="true"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            accessibilityLayer={false}
            barCategoryGap={kiosk ? '18%' : '10%'}
            margin={{ top: 4, right: size.rightPx, bottom: 4, left: 4 }}
          >
            <CartesianGrid horizontal={false} stroke="#2c3340" />
            <XAxis
              type="number"
              unit="%"
              height={size.tickAxisPx}
              domain={[0, (max: number) => Math.max(20, Math.ceil(max / 5) * 5)]}
              tick={{ fill: '#c9d1d9', fontSize: size.tickPx }}
            />
            <YAxis
              type="category"
              dataKey="id"
              width={size.nameAxisPx}
              interval={size.everyName ? 0 : 'preserveEnd'}
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
                  fontSize={size.namePx}
                  fontWeight={alerting.has(props.payload.value) ? 700 : 400}
                  fill={alerting.has(props.payload.value) ? '#ff5c5c' : '#e6edf3'}
                >
                  <title>{props.payload.value}</title>
                  {alerting.has(props.payload.value) ? '⚠ ' : ''}
                  {labels.get(props.payload.value) ?? props.payload.value}
                </text>
              )}
            />
            <Bar dataKey="expected" fill="#4b5563" barSize={size.barPx} isAnimationActive={false} />
            <Bar dataKey="share" barSize={size.barPx} isAnimationActive={false}>
              {data.map((d) => (
                <Cell
                  key={d.id}
                  fill={shareColour(d.ratio)}
                  stroke={alerting.has(d.id) ? '#ff5c5c' : undefined}
                  strokeWidth={2}
                />
              ))}
              {kiosk && (
                <LabelList
                  dataKey="mark"
                  position="right"
                  fill="#ff5c5c"
                  fontSize={size.namePx}
                  fontWeight={700}
                />
              )}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* a wall reads the bars, whose alerting ones carry their ratio: the table is there
          only for a screen reader (and what reads the page's figures, data-share) */}
      <table className={kiosk ? 'share-table sr-only' : 'share-table'}>
        <thead>
          <tr>
            <th>server</th>
            <th>share</th>
            <th>expected</th>
            <th>ratio</th>
            <th>{latencyColumn}</th>
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
  );
}
