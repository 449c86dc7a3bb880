import { formatDateTime } from '../../core/time-format';
import { ANNOTATION_STYLE } from '../annotation-style';
import { useDashboard } from '../store-context';
import { xFraction, type HeatmapGeometry } from './heatmap-geometry';

export interface AnnotationMarkersProps {
  geometry: HeatmapGeometry;
  tz: string;
  plotHeight: number;
}

/** The incident timeline over the heatmap: a line at each event's time, a flag on the axis. */
export function AnnotationMarkers({ geometry, tz, plotHeight }: AnnotationMarkersProps) {
  const annotations = useDashboard((s) => s.annotations);
  if (Number.isNaN(geometry.newestT)) return null;
  return (
    <div className="annotation-layer" style={{ height: plotHeight }}>
      {annotations.map((a) => {
        const x = xFraction(a.t, geometry);
        if (Number.isNaN(x)) return null;
        const style = ANNOTATION_STYLE[a.kind];
        const end = a.endT === undefined ? NaN : xFraction(a.endT, geometry);
        return (
          <div key={a.id} className="annotation" style={{ left: `${x * 100}%` }}>
            {a.endT !== undefined && (
              <div
                className="annotation-span"
                style={{
                  width: `${((Number.isNaN(end) ? 1 : end) - x) * 100}%`,
                  background: style.colour,
                }}
              />
            )}
            <div className="annotation-line" style={{ borderColor: style.colour }} />
            <button
              type="button"
              className="annotation-flag"
              data-testid="annotation"
              data-annotation-id={a.id}
              data-kind={a.kind}
              aria-label={`${style.label}: ${a.title}`}
              style={{ background: style.colour }}
            >
              {style.icon}
            </button>
            <div className="annotation-popover" role="tooltip">
              <strong>{a.title}</strong>
              <span className="annotation-meta">
                {style.label} · {formatDateTime(a.t, tz)}
                {a.source ? ` · ${a.source}` : ''}
              </span>
              {a.text && <p>{a.text}</p>}
            </div>
          </div>
        );
      })}
    </div>
  );
}
