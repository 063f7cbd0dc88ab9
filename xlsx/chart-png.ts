// SVG charts to PNG in Node with resvg (native). The browser does the same with @resvg/resvg-wasm.
import { Resvg } from '@resvg/resvg-js';
import type { MonthlyReport } from '../shared/report';
import { reportChartSvgs, type ReportChartSvg } from './report-charts';

/** Pixels per CSS pixel: 2× keeps lines and Chinese text sharp when printed at about 16 cm wide. */
export const CHART_PNG_SCALE = 2;

export interface ReportChartPng extends ReportChartSvg {
  png: Uint8Array;
}

export function svgToPng(svg: string, width: number, scale = CHART_PNG_SCALE): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#FFFFFF',
    font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** 图1–图3 of the monthly report as SVG and PNG. */
export function reportChartPngs(report: MonthlyReport): ReportChartPng[] {
  return reportChartSvgs(report).map((chart) => ({ ...chart, png: svgToPng(chart.svg, chart.width) }));
}
