/**
 * Draws a snapshot of the view for a postmortem document: the time range, the firing alerts,
 * the heatmap with its timeline markers and axis, and each server's share against its
 * weighted share with its p95 (or mean latency). Everything it draws comes in
 * `SnapshotContent`, so what the picture says is decided by the caller and checked there.
 */
import { infernoRgb, rgbCss } from '../../core/format/colour-scale';
import type { ServerShare } from '../../core/share/share-window';
import { formatLatency } from '../../core/format/time-format';

export interface SnapshotContent {
  title: string;
  range: string;
  alerts: string[];
  /** the heatmap as painted on the page */
  heatmap: CanvasImageSource;
  rows: { id: string; alerting: boolean }[];
  /** timeline markers: x as a fraction 0..1 of the heatmap's width */
  markers: { x: number; colour: string; label: string }[];
  ticks: { x: number; label: string }[];
  shares: ServerShare[];
  /** what the latency figure is called: "p95", or "mean latency" for a source that knows a mean */
  latencyFigure: string;
}

export const SNAPSHOT_WIDTH = 1800;
const PAD = 24;
const LABEL_W = 110;
const HEAT_W = 1000;
const SHARE_X = PAD + LABEL_W + HEAT_W + 40;
const FONT = 'DejaVu Sans, system-ui, sans-serif';

export function snapshotHeight(c: SnapshotContent): number {
  const rowH = Math.max(14, Math.min(28, Math.floor(600 / Math.max(1, c.rows.length))));
  return PAD * 2 + 60 + c.alerts.length * 26 + 40 + c.rows.length * rowH + 60;
}

export function composeSnapshot(ctx: CanvasRenderingContext2D, c: SnapshotContent): void {
  const height = snapshotHeight(c);
  const rowH = Math.max(14, Math.min(28, Math.floor(600 / Math.max(1, c.rows.length))));
  ctx.fillStyle = '#0d1117';
  ctx.fillRect(0, 0, SNAPSHOT_WIDTH, height);
  ctx.textBaseline = 'middle';

  let y = PAD + 14;
  ctx.fillStyle = '#e6edf3';
  ctx.font = `600 24px ${FONT}`;
  ctx.fillText(c.title, PAD, y);
  y += 32;
  ctx.font = `16px ${FONT}`;
  ctx.fillStyle = '#9aa5b1';
  ctx.fillText(c.range, PAD, y);
  y += 30;
  ctx.font = `600 17px ${FONT}`;
  ctx.fillStyle = '#ff5c5c';
  for (const line of c.alerts) {
    ctx.fillText(`⚠ ${line}`, PAD, y, SNAPSHOT_WIDTH - 2 * PAD);
    y += 26;
  }

  const top = y + 28;
  const plotH = c.rows.length * rowH;
  const plotX = PAD + LABEL_W;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(c.heatmap, plotX, top, HEAT_W, plotH);
  ctx.font = `14px ${FONT}`;
  ctx.textAlign = 'right';
  c.rows.forEach((r, i) => {
    ctx.fillStyle = r.alerting ? '#ff5c5c' : '#e6edf3';
    ctx.fillText(r.alerting ? `⚠ ${r.id}` : r.id, plotX - 8, top + (i + 0.5) * rowH, LABEL_W - 8);
  });
  ctx.textAlign = 'center';
  ctx.fillStyle = '#9aa5b1';
  for (const t of c.ticks) ctx.fillText(t.label, plotX + t.x * HEAT_W, top + plotH + 16);
  for (const m of c.markers) {
    const x = plotX + m.x * HEAT_W;
    ctx.strokeStyle = m.colour;
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, top - 6);
    ctx.lineTo(x, top + plotH);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = m.colour;
    ctx.beginPath();
    ctx.arc(x, top - 12, 6, 0, 2 * Math.PI);
    ctx.fill();
  }
  // the colour scale under the plot
  const legendY = top + plotH + 36;
  for (let i = 0; i < 200; i++) {
    ctx.fillStyle = rgbCss(infernoRgb(i / 199));
    ctx.fillRect(plotX + i, legendY, 1, 10);
  }
  ctx.fillStyle = '#9aa5b1';
  ctx.textAlign = 'left';
  ctx.fillText(`${c.latencyFigure}: 10 ms … 10 s (log)`, plotX + 210, legendY + 5);

  drawShares(ctx, c.shares, c.latencyFigure, top, rowH);
}

function drawShares(
  ctx: CanvasRenderingContext2D,
  shares: ServerShare[],
  latencyFigure: string,
  top: number,
  rowH: number,
) {
  const barW = 320;
  const max = Math.max(
    0.2,
    ...shares.map((s) => (Number.isFinite(s.share) ? s.share : 0)),
    ...shares.map((s) => s.expected),
  );
  ctx.font = `600 16px ${FONT}`;
  ctx.fillStyle = '#e6edf3';
  ctx.textAlign = 'left';
  ctx.fillText(`share of requests vs weighted share · ${latencyFigure}`, SHARE_X, top - 14);
  ctx.font = `14px ${FONT}`;
  shares.forEach((s, i) => {
    const y = top + i * rowH;
    const h = Math.max(3, rowH / 2 - 2);
    ctx.fillStyle = '#4b5563';
    ctx.fillRect(SHARE_X, y + 1, (s.expected / max) * barW, h);
    const ratio = s.ratio;
    ctx.fillStyle = ratio >= 1.25 ? '#ff7a33' : ratio <= 0.8 ? '#4da3ff' : '#9aa5b1';
    ctx.fillRect(SHARE_X, y + rowH / 2, ((Number.isFinite(s.share) ? s.share : 0) / max) * barW, h);
    ctx.fillStyle = '#e6edf3';
    const text = Number.isFinite(s.share)
      ? `${(s.share * 100).toFixed(1)}% (${ratio.toFixed(1)}x) · ${formatLatency(s.p95)}`
      : '–';
    ctx.fillText(text, SHARE_X + barW + 12, y + rowH / 2);
  });
}
