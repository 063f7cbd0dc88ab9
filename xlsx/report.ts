// The monthly report as an .xlsx: the 月报 sheet first, then 汇总 / 完成情况 / 报送情况, each
// rendered from its SheetModel by the shared renderer (browser-safe: bytes out, no node:*).
import * as ExcelJS from 'exceljs';
import type { AggregateResponse } from '../shared/api';
import { aggregateSheets, monthlyReportSheet, type MonthlyReport } from '../shared/report';
import type { Campaign } from '../shared/types';
import type { ReportChartPng } from './chart-png';
import { renderSheetModel } from './render-sheet';

export async function writeMonthlyReportXlsx(
  report: MonthlyReport,
  aggregate: AggregateResponse,
  campaign: Campaign,
  _charts: readonly ReportChartPng[] = [],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '联系点工作台账 liaison-tracker';
  workbook.created = new Date(report.generatedAt);
  for (const model of [monthlyReportSheet(report), ...aggregateSheets(aggregate, campaign)]) renderSheetModel(workbook, model);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
