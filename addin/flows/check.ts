// The heart of the pane: read the tracker, run the shared checks, show the problems in the cells
// and write the status sheet (完成情况).
import { annotationsBySheet, checkTracker, defaultAsOf, statusSheet } from '../../shared';
import type { Campaign, CheckReport, IsoDate } from '../../shared/types';
import type { AnnotationOutcome, WorkbookPort } from '../workbook/port';
import { throwIfAborted } from '../workbook/port';
import { locateTracker } from './connect';
import { noTracker } from './errors';
import type { FlowOptions } from './progress';

export interface CheckOptions extends FlowOptions {
  /** Completeness as of this day; default today. */
  asOf?: IsoDate;
  /** Name for CheckReport.file (the workbook's name). */
  file?: string;
  /** List every campaign point in completeness, not only those the tracker mentions. */
  allPoints?: boolean;
}

export interface CheckOutcome {
  report: CheckReport;
  annotations: AnnotationOutcome;
  /** The status sheet written. */
  statusSheet: string;
  asOf: IsoDate;
}

export function check(port: WorkbookPort, campaign: Campaign, options: CheckOptions = {}): Promise<CheckOutcome> {
  return port.transaction(() => runCheck(port, campaign, options));
}

/** The check without writing anything into the workbook: what 报送 previews and sends. */
export function review(port: WorkbookPort, campaign: Campaign, options: CheckOptions = {}): Promise<CheckReport> {
  return port.transaction(async () => {
    const found = await locateTracker(port, campaign, options);
    if (!found) throw noTracker();
    const asOf = options.asOf ?? defaultAsOf(campaign);
    return checkTracker(found.read, campaign, { file: options.file ?? found.read.sheet, asOf, allPoints: options.allPoints });
  });
}

async function runCheck(port: WorkbookPort, campaign: Campaign, options: CheckOptions): Promise<CheckOutcome> {
  const { onProgress, signal } = options;
  const found = await locateTracker(port, campaign, options);
  if (!found) throw noTracker();
  throwIfAborted(signal, '检查');

  const asOf = options.asOf ?? defaultAsOf(campaign);
  const { read } = found;
  onProgress?.({ phase: 'check', sheet: read.sheet, done: 0, total: read.records.length });
  const report = checkTracker(read, campaign, { file: options.file ?? read.sheet, asOf, allPoints: options.allPoints });
  onProgress?.({ phase: 'check', sheet: read.sheet, done: read.records.length, total: read.records.length });
  throwIfAborted(signal, '检查');

  // A tracker of a sheet per month is annotated sheet by sheet.
  const outcome: AnnotationOutcome = { painted: 0, cleared: 0 };
  for (const { sheet, annotations } of annotationsBySheet(report)) {
    onProgress?.({ phase: 'annotate', sheet, done: 0, total: annotations.length });
    const done = await port.applyAnnotations(sheet, annotations);
    outcome.painted += done.painted;
    outcome.cleared += done.cleared;
    onProgress?.({ phase: 'annotate', sheet, done: annotations.length, total: annotations.length });
    throwIfAborted(signal, '检查');
  }

  const model = statusSheet(report.completeness, campaign, asOf);
  await port.writeSheet(model, (p) => onProgress?.({ phase: 'write', ...p }), signal);
  return { report, annotations: outcome, statusSheet: model.name, asOf };
}
