// The monthly report as an .xlsx: the 月报 sheet first (laid out for A4, with the charts as
// pictures), then 汇总 / 完成情况 / 报送情况, all written streaming so a large 汇总 stays cheap.
import type { AggregateResponse } from '../shared/api';
import { aggregateSheets, monthlyReportSheet, type MonthlyReport } from '../shared/report';
import type { Campaign } from '../shared/types';
import type { ReportChartPng } from './chart-png';
import { writeSheetsStreaming } from './stream-sheet';

/** The report workbook; `charts` are the pictures for the 月报 sheet (reportChartPngs in Node). */
export async function writeMonthlyReportXlsx(
  report: MonthlyReport,
  aggregate: AggregateResponse,
  campaign: Campaign,
  charts: readonly Pick<ReportChartPng, 'id' | 'title' | 'png'>[] = [],
): Promise<Uint8Array> {
  return writeSheetsStreaming([monthlyReportSheet(report), ...aggregateSheets(aggregate, campaign)], {
    creator: '联系点工作台账 liaison-tracker',
    created: new Date(report.generatedAt),
    pictures: new Map(charts.map((c) => [c.id, { png: c.png, title: c.title }])),
  });
}
