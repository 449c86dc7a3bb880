import { useMemo } from 'react';
import { formatClock, formatDateTime } from '../../core/time-format';
import type { Annotation } from '../../core/protocol';
import { ANNOTATION_STYLE } from '../annotation-style';
import { useDashboard } from '../store-context';
import { timeWindow, xFraction, type HeatmapGeometry } from './heatmap-geometry';
import { groupByTime, planMarkers, type MarkerGroup } from './marker-groups';

export interface AnnotationMarkersProps {
  geometry: HeatmapGeometry;
  tz: string;
  plotHeight: number;
}

/**
 * most markers drawn one per note; past it, notes share a marker per 1/MARKERS of the width
 * (about 30 px apart on a laptop's heatmap: a count's flag fits)
 */
const MARKERS = 30;
/** titles listed in a group's card */
const GROUP_TITLES = 5;

/**
 * The incident timeline over the heatmap: a line at each event's time, a flag on the axis.
 * Only the events in view are drawn, found by binary search; when they crowd, they are grouped.
 */
export function AnnotationMarkers({ geometry, tz, plotHeight }: AnnotationMarkersProps) {
  const annotations = useDashboard((s) => s.annotations);
  const bucketMs = (geometry.columns * geometry.intervalMs) / MARKERS;
  const groups = useMemo(() => groupByTime(annotations, bucketMs), [annotations, bucketMs]);
  if (Number.isNaN(geometry.newestT)) return null;
  const [from, to] = timeWindow(geometry);
  const plan = planMarkers(annotations, groups, from, to, MARKERS);
  const markers: React.ReactNode[] = [];
  for (let i = plan.start; i < plan.end; i++) {
    const group = plan.by === 'group' ? groups[i]! : undefined;
    if (group === undefined || group.count === 1) {
      const a = annotations[group?.start ?? i]!;
      markers.push(<Marker key={a.id} a={a} geometry={geometry} tz={tz} />);
    } else {
      const key = `group:${annotations[group.start]!.id}`;
      markers.push(
        <GroupMarker key={key} group={group} list={annotations} geometry={geometry} tz={tz} />,
      );
    }
  }
  return (
    <div className="annotation-layer" style={{ height: plotHeight }}>
      {markers}
    </div>
  );
}

interface MarkerProps {
  a: Annotation;
  geometry: HeatmapGeometry;
  tz: string;
}

function Marker({ a, geometry, tz }: MarkerProps) {
  const x = xFraction(a.t, geometry);
  const style = ANNOTATION_STYLE[a.kind];
  const end = a.endT === undefined ? NaN : xFraction(a.endT, geometry);
  return (
    <div className="annotation" style={{ left: `${x * 100}%` }}>
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
}

interface GroupMarkerProps {
  group: MarkerGroup;
  list: readonly Annotation[];
  geometry: HeatmapGeometry;
  tz: string;
}

/** Several events too close to tell apart: one flag with their count, a card with a few. */
function GroupMarker({ group, list, geometry, tz }: GroupMarkerProps) {
  const x = xFraction(group.t, geometry);
  const colour = group.kind === undefined ? '#90a4ae' : ANNOTATION_STYLE[group.kind].colour;
  const first = list[group.start]!;
  const last = list[group.start + group.count - 1]!;
  const shown = list.slice(group.start, group.start + Math.min(group.count, GROUP_TITLES));
  const span = `${formatClock(first.t, tz)}–${formatClock(last.t, tz)}`;
  return (
    <div className="annotation annotation-group" style={{ left: `${x * 100}%` }}>
      <div className="annotation-line" style={{ borderColor: colour }} />
      <button
        type="button"
        className="annotation-flag"
        data-testid="annotation-group"
        data-count={group.count}
        aria-label={`${group.count} events, ${span}`}
        style={{ background: colour }}
      >
        {group.count > 99 ? '99+' : group.count}
      </button>
      <div className="annotation-popover" role="tooltip">
        <strong>{group.count} events</strong>
        <span className="annotation-meta">{span}</span>
        <ul>
          {shown.map((a) => (
            <li key={a.id}>
              {ANNOTATION_STYLE[a.kind].icon} {a.title}
            </li>
          ))}
        </ul>
        {group.count > shown.length && (
          <span className="annotation-meta">and {group.count - shown.length} more</span>
        )}
      </div>
    </div>
  );
}
