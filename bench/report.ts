// Bench section: the monthly report — the whole .xlsx (月报 with its pictures, 汇总 / 完成情况 /
// 报送情况, written streaming) against exceljs's streaming writer putting down the very same cell
// values bare, and the Word report against the .xlsx; all interleaved in one run.
import * as ExcelJS from 'exceljs';
import { DEFAULT_CAMPAIGN } from '../shared';
import type { AggregateResponse } from '../shared/api';
import { aggregateSheets, buildMonthlyReport, monthlyReportSheet } from '../shared/report';
import type { SheetModel } from '../shared/sheet-model';
import { scaledAggregate } from '../scripts/demo/plan';
import { reportChartPngs } from '../xlsx/chart-png';
import { writeMonthlyReportXlsx } from '../xlsx/report';
import { writeMonthlyReportDocx } from '../xlsx/report-docx';
import { median, printTable, timeMs, type BenchSection } from './section';

const SIZES = [10_000, 100_000];
const REPEATS = 5;
const MONTH = '2017-05';
const GENERATED = '2017-06-06T01:00:00.000Z';

/** The same values through the streaming writer, one plain sheet each: no styles, heights, merges, formats or pictures. */
async function writeBare(models: SheetModel[]): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({});
  for (const model of models) {
    const sheet = writer.addWorksheet(model.name);
    for (const row of model.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await writer.commit();
}

const cellCount = (models: SheetModel[]): number =>
  models.reduce((n, m) => n + m.rows.reduce((k, r) => k + r.filter((v) => v !== null && v !== undefined).length, 0), 0);

/** Runs each task `repeats` times, taking turns at going first, so drift and GC hit all alike. */
async function rotated(repeats: number, tasks: (() => unknown)[]): Promise<number[][]> {
  const times = tasks.map(() => [] as number[]);
  for (let i = 0; i < repeats; i++) {
    for (let k = 0; k < tasks.length; k++) {
      const t = (i + k) % tasks.length;
      times[t].push(await timeMs(tasks[t]));
    }
  }
  return times;
}

interface Measured {
  records: number;
  cells: number;
  charts: number;
  xlsx: number[];
  bare: number[];
  docx: number[];
}

async function measure(aggregate: AggregateResponse, repeats: number): Promise<Measured> {
  const campaign = DEFAULT_CAMPAIGN;
  const build = () => buildMonthlyReport(aggregate, campaign, { generatedAt: GENERATED });
  const report = build();
  const models = [monthlyReportSheet(report), ...aggregateSheets(aggregate, campaign)];
  // The pictures are drawn once per request and shared by both documents: timed on their own.
  const chartTimes: number[] = [];
  let charts = reportChartPngs(report);
  for (let i = 0; i < 3; i++) chartTimes.push(await timeMs(() => (charts = reportChartPngs(report))));
  const [xlsx, bare, docx] = await rotated(repeats, [
    () => writeMonthlyReportXlsx(build(), aggregate, campaign, charts),
    () => writeBare(models),
    () => writeMonthlyReportDocx(build(), charts),
  ]);
  return { records: aggregate.records.length, cells: cellCount(models), charts: median(chartTimes), xlsx, bare, docx };
}

const spread = (times: number[]): string =>
  `${Math.min(...times).toFixed(0)}/${median(times).toFixed(0)}/${Math.max(...times).toFixed(0)} ms`;

export const reportSection: BenchSection = {
  name: 'report: the monthly report .xlsx vs. the streaming writer with the same cells bare; the .docx vs. the .xlsx',
  async run(print) {
    await measure(scaledAggregate(DEFAULT_CAMPAIGN, MONTH, 1_000), 1);
    const results: Measured[] = [];
    for (const size of SIZES) results.push(await measure(scaledAggregate(DEFAULT_CAMPAIGN, MONTH, size), REPEATS));
    const header = ['records', 'cells', 'charts (PNG)', 'report .xlsx min/med/max', 'bare stream min/med/max', 'report .docx min/med/max', 'xlsx/bare', 'docx/xlsx'];
    printTable(
      print,
      header,
      results.map((r) => [
        r.records.toLocaleString('en-US'),
        r.cells.toLocaleString('en-US'),
        `${r.charts.toFixed(0)} ms`,
        spread(r.xlsx),
        spread(r.bare),
        spread(r.docx),
        `${(median(r.xlsx) / median(r.bare)).toFixed(2)}×`,
        `${(median(r.docx) / median(r.xlsx)).toFixed(2)}×`,
      ]),
    );
    const big = results[results.length - 1];
    const xlsxRatio = median(big.xlsx) / median(big.bare);
    const docxRatio = median(big.docx) / median(big.xlsx);
    print('');
    print(`target: report .xlsx at ${big.records.toLocaleString('en-US')} records ≤ 2× the streaming writer's bare cells — ${xlsxRatio.toFixed(2)}× ${xlsxRatio <= 2 ? 'met' : 'MISSED'}`);
    print(`target: report .docx ≤ 2× the .xlsx — ${docxRatio.toFixed(2)}× ${docxRatio <= 2 ? 'met' : 'MISSED'}`);
  },
};
