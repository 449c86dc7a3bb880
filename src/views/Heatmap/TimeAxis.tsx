import { formatClock, offsetLabel, zoneOffsetMinutes } from '../../core/time-format';
import { xFraction, type HeatmapGeometry } from './heatmap-geometry';

const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/** Clock ticks under the heatmap, in the display zone, with the offset spelled out. */
export function TimeAxis({ geometry, tz }: { geometry: HeatmapGeometry; tz: string }) {
  if (Number.isNaN(geometry.newestT)) return <div className="time-axis" />;
  const span = geometry.columns * geometry.intervalMs;
  const stepMs = (STEPS_MIN.find((m) => m * 60_000 >= span / 8) ?? 1440) * 60_000;
  const offsetMs = zoneOffsetMinutes(geometry.newestT, tz) * 60_000;
  const oldest = geometry.newestT - span;
  const first = Math.ceil((oldest + offsetMs) / stepMs) * stepMs - offsetMs;
  const ticks: number[] = [];
  for (let t = first; t <= geometry.newestT; t += stepMs) ticks.push(t);
  return (
    <div className="time-axis">
      {ticks.map((t) => {
        const x = xFraction(t, geometry);
        return Number.isNaN(x) ? null : (
          <span key={t} style={{ left: `${x * 100}%` }}>
            {formatClock(t, tz)}
          </span>
        );
      })}
      <span className="time-axis-zone">{offsetLabel(offsetMs / 60_000)}</span>
    </div>
  );
}
