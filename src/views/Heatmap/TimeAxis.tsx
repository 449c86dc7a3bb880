import { useLayoutEffect, useRef, useState } from 'react';
import { formatClock, offsetLabel, zoneOffsetMinutes } from '../../core/format/time-format';
import { axisTicks, type AxisBox } from './axis-ticks';
import type { HeatmapGeometry } from './heatmap-geometry';

const NO_BOX: AxisBox = { width: 0, labelWidth: 0, zoneWidth: 0, gap: 0 };

/**
 * Clock ticks under the heatmap, in the display zone, with the offset spelled out. The labels'
 * step comes from the widths measured here, so they never overlap (axis-ticks.ts).
 */
export function TimeAxis({ geometry, tz }: { geometry: HeatmapGeometry; tz: string }) {
  const axisRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const zoneRef = useRef<HTMLSpanElement>(null);
  const [box, setBox] = useState(NO_BOX);
  const known = !Number.isNaN(geometry.newestT);
  const offsetMinutes = known ? zoneOffsetMinutes(geometry.newestT, tz) : 0;
  const zone = offsetLabel(offsetMinutes);

  useLayoutEffect(() => {
    const axis = axisRef.current;
    if (!axis) return;
    const measure = () => {
      const next: AxisBox = {
        // clientWidth rounds a width of 1279.6 up to 1280, which would let the last label
        // run a fraction of a pixel into the zone label flush at the real right edge
        width: Math.floor(axis.getBoundingClientRect().width),
        labelWidth: Math.ceil(probeRef.current?.getBoundingClientRect().width ?? 0),
        zoneWidth: Math.ceil(zoneRef.current?.getBoundingClientRect().width ?? 0),
        // half a label: a reader sees two times, not one long one
        gap: Math.ceil((probeRef.current?.getBoundingClientRect().width ?? 0) / 2),
      };
      setBox((was) =>
        was.width === next.width &&
        was.labelWidth === next.labelWidth &&
        was.zoneWidth === next.zoneWidth
          ? was
          : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(axis);
    return () => observer.disconnect();
    // the zone label's text decides its width
  }, [zone, known]);

  const ticks = known ? axisTicks(geometry, offsetMinutes * 60_000, box) : [];
  return (
    <div className="time-axis" ref={axisRef}>
      <span className="time-axis-probe" ref={probeRef} aria-hidden="true">
        00:00
      </span>
      {ticks.map(({ t, x }) => (
        <span key={t} className="time-axis-label" style={{ left: x }}>
          {formatClock(t, tz)}
        </span>
      ))}
      {known && (
        <span className="time-axis-zone" ref={zoneRef}>
          {zone}
        </span>
      )}
    </div>
  );
}
