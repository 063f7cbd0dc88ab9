// The report's chart specs (shared/report/charts.ts) drawn as SVG in the browser by ECharts' own SSR
// renderer — the same drawing as the .docx — with only the parts those specs use, so the dashboard chunk
// stays small (the full `echarts` import would be about three times the size).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportChartSpec } from '../../../shared/report';

echarts.use([BarChart, LineChart, PieChart, GraphicComponent, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export function chartSvg(spec: ReportChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
