/**
 * The other peer: the same cells as a recharts ScatterChart whose points are Rectangles, one
 * SVG element per cell, the way a heatmap is usually built from recharts.
 */
import { Rectangle, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import { LUT_CSS } from './heatmap-data';

export interface RechartsHeatmapProps {
  cells: { x: number; y: number; v: number }[];
  columns: number;
  rows: number;
  width: number;
  height: number;
}

export function RechartsHeatmap({ cells, columns, rows, width, height }: RechartsHeatmapProps) {
  const w = width / columns;
  const h = height / rows;
  return (
    <ScatterChart width={width} height={height} margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
      <XAxis type="number" dataKey="x" domain={[-0.5, columns - 0.5]} hide />
      <YAxis type="number" dataKey="y" domain={[-0.5, rows - 0.5]} reversed hide />
      <Scatter
        data={cells}
        isAnimationActive={false}
        shape={(p: { cx?: number; cy?: number; payload?: { v: number } }) => (
          <Rectangle
            x={(p.cx ?? 0) - w / 2}
            y={(p.cy ?? 0) - h / 2}
            width={w}
            height={h}
            fill={LUT_CSS[p.payload?.v ?? 0]}
          />
        )}
      />
    </ScatterChart>
  );
}
