import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  formatClock,
  formatDateTime,
  offsetLabel,
  zoneOffsetMinutes,
} from '../../core/format/time-format';
import type { Annotation } from '../../core/protocol/protocol';
import { ANNOTATION_STYLE } from '../annotation-style';
import { useDashboard } from '../store-context';
import { timeWindow, xFraction, type HeatmapGeometry } from './heatmap-geometry';
import {
  groupByPixels,
  groupByTime,
  planMarkers,
  plannedMarkers,
  type MarkerGroup,
} from './marker-groups';

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
/** the widest flag (a group's "99+"), in the layer's font size: closer flags are joined */
const FLAG_EM = 1.8;

/**
 * The incident timeline over the heatmap: a line at each event's time, a flag on the axis.
 * Only the events in view are drawn, found by binary search; when they crowd, they are grouped.
 */
export function AnnotationMarkers({ geometry, tz, plotHeight }: AnnotationMarkersProps) {
  const annotations = useDashboard((s) => s.annotations);
  const layerRef = useRef<HTMLDivElement>(null);
  const { widthPx, flagWidth } = useLayerWidth(layerRef);
  const bucketMs = (geometry.columns * geometry.intervalMs) / MARKERS;
  const groups = useMemo(() => groupByTime(annotations, bucketMs), [annotations, bucketMs]);
  const markers: React.ReactNode[] = [];
  if (!Number.isNaN(geometry.newestT)) {
    const [from, to] = timeWindow(geometry);
    const plan = planMarkers(annotations, groups, from, to, MARKERS);
    const x = (t: number) => xFraction(t, geometry);
    // flags closer than a flag's width are one flag with a count
    for (const group of groupByPixels(plannedMarkers(annotations, groups, plan), x, flagWidth)) {
      if (group.count === 1) {
        const a = annotations[group.start]!;
        markers.push(<Marker key={a.id} a={a} geometry={geometry} tz={tz} />);
      } else {
        const key = `group:${annotations[group.start]!.id}`;
        markers.push(
          <GroupMarker
            key={key}
            group={group}
            list={annotations}
            geometry={geometry}
            tz={tz}
            widthPx={widthPx}
            // a few notes joined for want of room each keep their own line and hook
            lines={plan.by === 'note'}
          />,
        );
      }
    }
  }
  return (
    <div className="annotation-layer" style={{ height: plotHeight }} ref={layerRef}>
      {markers}
    </div>
  );
}

/** The layer's width, and a flag's as a fraction of it, kept up to date as it resizes. */
function useLayerWidth(layerRef: React.RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState({ widthPx: 0, flagWidth: 0 });
  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const measure = () => {
      const width = layer.clientWidth;
      const em = parseFloat(getComputedStyle(layer).fontSize) || 16;
      const flagWidth = width > 0 ? (FLAG_EM * em) / width : 0;
      setSize((was) =>
        was.widthPx === width && was.flagWidth === flagWidth ? was : { widthPx: width, flagWidth },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(layer);
    return () => observer.disconnect();
  }, [layerRef]);
  return size;
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
  /** the layer's width: a note's line sits this times its distance from the flag */
  widthPx: number;
  /** a line per note, each the note's own `annotation` hook (CONTRACT section 5) */
  lines: boolean;
}

/** Several events too close to tell apart: one flag with their count, a card with a few. */
function GroupMarker({ group, list, geometry, tz, widthPx, lines }: GroupMarkerProps) {
  const x = xFraction(group.t, geometry);
  const colour = group.kind === undefined ? '#90a4ae' : ANNOTATION_STYLE[group.kind].colour;
  const first = list[group.start]!;
  const last = list[group.start + group.count - 1]!;
  const members = list.slice(group.start, group.start + group.count);
  const shown = members.slice(0, GROUP_TITLES);
  const span =
    first.t === last.t
      ? formatClock(first.t, tz)
      : `${formatClock(first.t, tz)}–${formatClock(last.t, tz)}`;
  const zone = offsetLabel(zoneOffsetMinutes(first.t, tz));
  return (
    <div className="annotation annotation-group" style={{ left: `${x * 100}%` }}>
      {lines ? (
        members.map((a) => (
          // at the note's own time, relative to the group's flag; reached by focus() as a flag is
          <span
            key={a.id}
            className="annotation-line"
            data-testid="annotation"
            data-annotation-id={a.id}
            data-kind={a.kind}
            tabIndex={-1}
            aria-label={`${ANNOTATION_STYLE[a.kind].label}: ${a.title}`}
            style={{
              borderColor: ANNOTATION_STYLE[a.kind].colour,
              left: (xFraction(a.t, geometry) - x) * widthPx,
            }}
          />
        ))
      ) : (
        <div className="annotation-line" style={{ borderColor: colour }} />
      )}
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
        <span className="annotation-meta">
          {span} {zone}
        </span>
        <ul>
          {shown.map((a) => (
            <li key={a.id}>
              {ANNOTATION_STYLE[a.kind].icon} {a.title}{' '}
              <span className="annotation-meta-inline">
                {formatClock(a.t, tz, true)} {offsetLabel(zoneOffsetMinutes(a.t, tz))}
              </span>
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
