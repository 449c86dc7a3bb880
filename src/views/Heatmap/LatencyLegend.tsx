import { infernoRgb, latencyPosition, rgbCss } from '../../core/format/colour-scale';

const TICKS = [10, 100, 1000, 10_000];
const tickLabel = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
const gradient = `linear-gradient(to right, ${Array.from({ length: 9 }, (_, i) =>
  rgbCss(infernoRgb(i / 8)),
).join(', ')})`;

export interface LatencyLegendProps {
  /** what the colour is: "p95 latency", "mean latency" */
  label: string;
}

/** The colour scale of the heatmap, log-spaced from 10 ms to 10 s. */
export function LatencyLegend({ label }: LatencyLegendProps) {
  return (
    <figure className="latency-legend" aria-label={`${label} colour scale`}>
      <div className="latency-legend-bar" style={{ background: gradient }} />
      <div className="latency-legend-ticks">
        {TICKS.map((ms) => (
          <span key={ms} style={{ left: `${latencyPosition(ms) * 100}%` }}>
            {tickLabel(ms)}
          </span>
        ))}
      </div>
      <figcaption>
        <span className="swatch idle" /> idle <span className="swatch empty" /> no data
      </figcaption>
    </figure>
  );
}
