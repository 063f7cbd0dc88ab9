// The report's charts drawn as SVG by Apache ECharts' server-side renderer: no DOM, no display,
// so the same call works in Node (documents) and in the browser (the central dashboard).
import * as echarts from 'echarts';
import { reportChartSpecs, type MonthlyReport, type ReportChartSpec } from '../shared/report';

export interface ReportChartSvg {
  id: ReportChartSpec['id'];
  title: string;
  width: number;
  height: number;
  svg: string;
}

/** One chart spec as an SVG string (width × height CSS pixels). */
export function chartSvg(spec: ReportChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    // Without dispose the chart keeps a timer and the process does not exit.
    chart.dispose();
  }
}

/** 图1–图3 of the monthly report as SVG. */
export function reportChartSvgs(report: MonthlyReport): ReportChartSvg[] {
  return reportChartSpecs(report).map((spec) => ({
    id: spec.id,
    title: spec.title,
    width: spec.width,
    height: spec.height,
    svg: chartSvg(spec),
  }));
}
