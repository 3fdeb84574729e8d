import * as echarts from 'echarts';
import { escapeHtml, trusted, type Html } from './html.ts';

/**
 * Charts rendered on the server as SVG (ECharts SSR): no script and no CDN reach the browser.
 * ECharts escapes the labels it draws, so residents' words stay text inside the SVG too.
 */
const PALETTE = ['#1d4ed8', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2'];

interface Series {
  name: string;
  values: number[];
}

function render(label: string, option: echarts.EChartsCoreOption, width: number, height: number): Html {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 12 },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return trusted(svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(label)}" class="chart" `));
}

const legend = (series: Series[]) =>
  series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined;

/** Values over days (or any ordered categories). */
export function lineChart(
  label: string,
  categories: string[],
  series: Series[],
  width = 760,
  height = 260,
): Html {
  return render(
    label,
    {
      legend: legend(series),
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, showSymbol: false })),
    },
    width,
    height,
  );
}

/** Horizontal bars, one row per category: long Vietnamese labels stay readable. */
export function barChart(label: string, categories: string[], series: Series[], width = 760): Html {
  const height = Math.max(120, 48 + categories.length * (18 + 10 * series.length));
  return render(
    label,
    {
      legend: legend(series),
      grid: { left: 180, right: 24, top: series.length > 1 ? 32 : 12, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: categories,
        inverse: true,
        axisLabel: { width: 170, overflow: 'truncate' },
      },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
    },
    width,
    height,
  );
}
