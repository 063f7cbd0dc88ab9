// Bench section: the monthly report (model, then the whole .xlsx with 汇总 / 完成情况 / 报送情况)
// against exceljs writing the very same cell values bare, in the same run.
import * as ExcelJS from 'exceljs';
import { DEFAULT_CAMPAIGN } from '../shared';
import type { AggregateResponse } from '../shared/api';
import { aggregateSheets, buildMonthlyReport, monthlyReportSheet } from '../shared/report';
import type { SheetModel } from '../shared/sheet-model';
import { scaledAggregate } from '../scripts/demo/plan';
import { writeMonthlyReportXlsx } from '../xlsx/report';
import { interleaved, median, printTable, timeMs, type BenchSection } from './section';

const SIZES = [10_000, 100_000];
const MONTH = '2017-05';
const GENERATED = '2017-06-06T01:00:00.000Z';

/** The same values, one plain sheet each: no styles, formats, merges or conditional formats. */
async function writeBare(models: SheetModel[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const model of models) {
    const sheet = workbook.addWorksheet(model.name);
    for (const row of model.rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeBuffer();
}

const cellCount = (models: SheetModel[]): number =>
  models.reduce((n, m) => n + m.rows.reduce((k, r) => k + r.filter((v) => v !== null && v !== undefined).length, 0), 0);

interface Measured {
  records: number;
  cells: number;
  model: number;
  report: number;
  bare: number;
}

async function measure(aggregate: AggregateResponse, repeats: number): Promise<Measured> {
  const campaign = DEFAULT_CAMPAIGN;
  const build = () => buildMonthlyReport(aggregate, campaign, { generatedAt: GENERATED });
  const models = [monthlyReportSheet(build()), ...aggregateSheets(aggregate, campaign)];
  const model: number[] = [];
  for (let i = 0; i < repeats; i++) model.push(await timeMs(build));
  const [report, bare] = await interleaved(
    repeats,
    () => writeMonthlyReportXlsx(build(), aggregate, campaign),
    () => writeBare(models),
  );
  return { records: aggregate.records.length, cells: cellCount(models), model: median(model), report: median(report), bare: median(bare) };
}

export const reportSection: BenchSection = {
  name: 'report: the monthly report .xlsx vs. exceljs writing the same cells bare',
  async run(print) {
    await measure(scaledAggregate(DEFAULT_CAMPAIGN, MONTH, 1_000), 2);
    const results: Measured[] = [];
    for (const size of SIZES) {
      results.push(await measure(scaledAggregate(DEFAULT_CAMPAIGN, MONTH, size), size >= 100_000 ? 2 : 3));
    }
    const header = ['records', 'cells', 'model', 'report .xlsx', 'bare exceljs', 'report/bare'];
    const table = results.map((r) => [
      r.records.toLocaleString('en-US'),
      r.cells.toLocaleString('en-US'),
      `${r.model.toFixed(0)} ms`,
      `${r.report.toFixed(0)} ms`,
      `${r.bare.toFixed(0)} ms`,
      `${(r.report / r.bare).toFixed(2)}×`,
    ]);
    printTable(print, header, table);
    const big = results[results.length - 1];
    const ratio = big.report / big.bare;
    print('');
    print(`target: report at ${big.records.toLocaleString('en-US')} records ≤ 2× bare exceljs — ${ratio.toFixed(2)}× ${ratio <= 2 ? 'met' : 'MISSED'}`);
  },
};
