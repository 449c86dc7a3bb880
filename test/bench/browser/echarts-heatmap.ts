/**
 * The peer: ECharts' heatmap series on its canvas renderer, animation off, axes and legend
 * hidden so it draws cells and nothing else. `progressive: 0` builds every cell in one pass
 * (the default builds 400 a frame). zrender then paints heatmap cells on an incremental layer,
 * 15 ms a frame, past ECharts' 'finished' event: a draw is over when the last cell (bottom
 * right) is on the canvas.
 */
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { LUT_CSS } from './heatmap-data';
import { nextFrame } from './timing';

echarts.use([HeatmapChart, GridComponent, VisualMapComponent, CanvasRenderer]);

export interface EchartsHeatmap {
  /** sets the cells; resolves once ECharts has drawn them all */
  draw(data: number[][]): Promise<void>;
  canvas(): HTMLCanvasElement;
  dispose(): void;
}

export function echartsHeatmap(
  host: HTMLElement,
  size: { width: number; height: number; columns: number; rows: number },
): EchartsHeatmap {
  const chart = echarts.init(host, undefined, {
    renderer: 'canvas',
    width: size.width,
    height: size.height,
  });
  const axis = (n: number) => ({
    type: 'category' as const,
    data: Array.from({ length: n }, (_, i) => i),
    show: false,
  });
  chart.setOption({
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: axis(size.columns),
    yAxis: { ...axis(size.rows), inverse: true },
    visualMap: { show: false, min: 0, max: LUT_CSS.length - 1, inRange: { color: LUT_CSS } },
    series: [{ id: 'cells', type: 'heatmap', data: [], progressive: 0 }],
  });
  return {
    async draw(data) {
      // the first slice clears the layer, so the corner is empty until the last cell is drawn
      chart.setOption({ series: [{ id: 'cells', data }] });
      const canvas = host.querySelector('canvas')!;
      const corner = () =>
        canvas.getContext('2d')!.getImageData(size.width - 2, size.height - 2, 1, 1);
      while (corner().data[3] === 0) await nextFrame();
    },
    canvas: () => host.querySelector('canvas')!,
    dispose: () => chart.dispose(),
  };
}
