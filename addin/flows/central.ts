// The central office's two one-click flows: pull the aggregated sheets, write the monthly report.
// The sheets' content comes from shared/report; here we only hand it to the workbook.
import type { AggregateResponse } from '../../shared/api';
import { aggregateSheets, monthlyReportSheet } from '../../shared/report';
import type { MonthlyReport } from '../../shared/report';
import type { Campaign } from '../../shared/types';
import type { WorkbookPort } from '../workbook/port';
import { throwIfAborted } from '../workbook/port';
import type { FlowOptions } from './progress';

/** Writes 汇总, 完成情况 and 报送情况, each replacing the previous pull. Returns the sheet names. */
export function pullAggregate(
  port: WorkbookPort,
  aggregate: AggregateResponse,
  campaign: Campaign,
  options: FlowOptions = {},
): Promise<string[]> {
  const models = aggregateSheets(aggregate, campaign);
  return port.transaction(async () => {
    for (const model of models) {
      throwIfAborted(options.signal, '拉取汇总');
      await port.writeSheet(model, (p) => options.onProgress?.({ phase: 'write', ...p }), options.signal);
    }
    if (models.length > 0) await port.activate(models[0].name);
    return models.map((m) => m.name);
  });
}

/** Writes the month's report sheet (e.g. 2017年05月月报), replacing an earlier one, and shows it. */
export function writeMonthlyReport(port: WorkbookPort, report: MonthlyReport, options: FlowOptions = {}): Promise<string> {
  const model = monthlyReportSheet(report);
  return port.transaction(async () => {
    await port.writeSheet(model, (p) => options.onProgress?.({ phase: 'write', ...p }), options.signal);
    await port.activate(model.name);
    return model.name;
  });
}
