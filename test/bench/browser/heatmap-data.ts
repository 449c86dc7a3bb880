/**
 * The data every heatmap renderer draws: a fleet played by the simulator into a SeriesStore,
 * one column per frame, and the same cells as the arrays ECharts and recharts take.
 */
import { at, fleet, scenario } from '../../../mocks/scenarios/fleet';
import { createSimulator, type Simulator } from '../../../mocks/simulator';
import { buildLatencyLut, latencyLutIndex, LUT_SIZE } from '../../../src/core/format/colour-scale';
import type { Frame } from '../../../src/core/protocol/protocol';
import { SeriesStore } from '../../../src/core/series/series-store';
import { columnOfTime, type HeatmapGeometry } from '../../../src/views/Heatmap/heatmap-geometry';

export const LUT = buildLatencyLut();

/** The LUT as CSS colours, for the renderers that take strings. */
export const LUT_CSS = Array.from({ length: LUT_SIZE }, (_, i) => {
  const w = LUT[i]!;
  return `rgb(${w & 255}, ${(w >> 8) & 255}, ${(w >> 16) & 255})`;
});

export interface HeatmapData {
  store: SeriesStore;
  geometry: () => HeatmapGeometry;
  /** the next frame of the same fleet, to push as a new column */
  nextFrame: () => Frame;
}

/** `servers` alike servers at 100 ms, the middle one slow, `columns` frames held. */
export function heatmapData(servers: number, columns: number): HeatmapData {
  const fleetServers = fleet(servers, { prefix: 'node', capacityRps: 200 });
  const slow = fleetServers[Math.floor(servers / 2)]!.id;
  const sim: Simulator = createSimulator(
    scenario({
      name: `paint-${servers}`,
      description: `${servers} servers, one slow`,
      servers: fleetServers,
      intervalMs: 100,
      traffic: { rps: 80 * servers, noise: 0.02 },
      faults: [{ fromT: at(0), effect: { kind: 'slow', server: slow, factor: 20 } }],
    }),
  );
  const store = new SeriesStore({ capacity: columns, maxAgeMs: Infinity });
  store.setServers(sim.hello().servers);
  let seq = 0;
  const nextFrame = (): Frame => {
    const { t, intervalMs, samples } = sim.next();
    return { v: 1, seq: seq++, t, intervalMs, samples };
  };
  for (let i = 0; i < columns; i++) store.push(nextFrame());
  const geometry = () => ({ columns, intervalMs: 100, newestT: store.newestT });
  return { store, geometry, nextFrame };
}

/** One entry per cell: column, row and LUT index (0 where there is no latency). */
export function cellsOf(data: HeatmapData): { x: number; y: number; v: number }[] {
  const { store } = data;
  const g = data.geometry();
  const cells: { x: number; y: number; v: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const slot = store.slot(i);
    const x = columnOfTime(store.times[slot]!, g);
    store.servers.forEach((s, y) => {
      const p95 = s.p95[slot]!;
      cells.push({ x, y, v: Number.isNaN(p95) ? 0 : latencyLutIndex(p95) });
    });
  }
  return cells;
}
