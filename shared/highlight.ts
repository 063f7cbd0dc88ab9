// How problems look in a tracker: one fill and one note per problem cell, worst severity wins.
import { parseCellAddress } from './columns';
import type { CellAnnotation, CellStyle } from './sheet-model';
import type { CheckReport, Issue, Severity } from './types';

/** Excel's own "bad" (red) and "neutral" (yellow) cell styles. */
export const HIGHLIGHT: Record<Severity, CellStyle & { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};

/** One annotation per cell that has issues (issues without a cell are left out): the worst
 *  severity, every message on its own line; in row, then column order. */
export function cellAnnotations(issues: Issue[]): CellAnnotation[] {
  const byCell = new Map<string, CellAnnotation>();
  for (const issue of issues) {
    if (!issue.cell) continue;
    const found = byCell.get(issue.cell);
    if (!found) {
      byCell.set(issue.cell, { cell: issue.cell, severity: issue.severity, note: issue.message });
      continue;
    }
    if (issue.severity === 'error') found.severity = 'error';
    found.note += `\n${issue.message}`;
  }
  const at = (a: CellAnnotation) => parseCellAddress(a.cell) ?? { row: 0, col: 0 };
  return [...byCell.values()].sort((a, b) => at(a).row - at(b).row || at(a).col - at(b).col);
}

/** The annotations of each sheet the check read (an issue without a sheet is on `report.sheet`),
 *  in workbook order. A sheet without problems is listed too, with none, so that the annotations
 *  of an earlier check are cleared from it. */
export function annotationsBySheet(report: Pick<CheckReport, 'sheet' | 'parts' | 'issues'>): { sheet: string; annotations: CellAnnotation[] }[] {
  const sheets = report.parts?.map((p) => p.sheet) ?? [report.sheet];
  const bySheet = new Map<string, Issue[]>(sheets.map((s) => [s, []]));
  for (const issue of report.issues) bySheet.get(issue.sheet ?? report.sheet)?.push(issue);
  return sheets.map((sheet) => ({ sheet, annotations: cellAnnotations(bySheet.get(sheet)!) }));
}
