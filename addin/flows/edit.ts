// A cell edited in the browser mode's sheet view: re-read that one row through the shared reader and
// validator, put its problems in place of the row's old ones, re-count completeness, and repaint the
// sheet's problem cells — the row is checked exactly as a full check would check it.
import { cellAnnotations, computeCompleteness, readTracker, validateRecords } from '../../shared';
import type { Campaign, CheckReport, IsoDate, Issue, TrackerRecord } from '../../shared/types';
import type { AnnotationOutcome, WorkbookPort } from '../workbook/port';

export interface RowRecheck {
  report: CheckReport;
  /** The edited row's problems now (empty when it has none, or is no longer a record). */
  rowIssues: Issue[];
  annotations: AnnotationOutcome;
}

const sameRow = (sheet: string, row: number, report: CheckReport) => (x: { sheet?: string; row: number }) =>
  (x.sheet ?? report.sheet) === sheet && x.row === row;

export function recheckRow(port: WorkbookPort, campaign: Campaign, report: CheckReport, sheet: string, row: number, asOf?: IsoDate): Promise<RowRecheck> {
  return port.transaction(async () => {
    const columns = report.parts?.find((p) => p.sheet === sheet)?.columns ?? report.columns;
    const headerRow = report.parts?.find((p) => p.sheet === sheet)?.headerRow ?? report.headerRow;
    const [grid] = await port.readGrids([sheet]);
    // The whole sheet is read so the row is understood in context (a section row above naming the point, the year).
    const read = readTracker(grid.grid, campaign, { sheet, headerRow, columns });
    const found = read?.records.find((r) => r.row === row);
    const onSheet = report.parts ? { sheet } : {};
    const record: TrackerRecord | undefined = found && { ...found, ...onSheet };
    const rowIssues = record ? validateRecords([record], campaign, columns, report.parts ? { parts: report.parts } : {}) : [];
    const isRow = sameRow(sheet, row, report);
    // The record keeps its place in the tracker's order; a row that became a record joins at the end.
    const at = report.records.findIndex(isRow);
    const records = report.records.filter((r) => !isRow(r));
    if (record) records.splice(at < 0 ? records.length : at, 0, record);
    const issues = [...report.issues.filter((i) => !isRow(i)), ...rowIssues];
    const pointIds = report.completeness.map((p) => p.liaisonPointId);
    const completeness = computeCompleteness(records, issues, campaign, { asOf, pointIds });
    const next: CheckReport = { ...report, records, issues, completeness };
    const annotations = await port.applyAnnotations(sheet, cellAnnotations(issues.filter((i) => (i.sheet ?? report.sheet) === sheet)));
    return { report: next, rowIssues, annotations };
  });
}
