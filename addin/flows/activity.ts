// Adding one activity from the pane's form. The row is read back through the same shared reader
// and validator as a check, so the form says exactly what the checker would say.
import { columnIndex, entryCellValue, readTracker, validateRecords } from '../../shared';
import { isBlank } from '../../shared/cells';
import { isSerialHeader, loadToTraditional, nextSerial, scriptOf } from '../../shared/row-style';
import type { Campaign, CellValue, FieldKey, Grid, Issue } from '../../shared/types';
import type { WorkbookPort } from '../workbook/port';
import type { TrackerMapping } from './mapping';
import { FlowError } from './errors';

/** What the user typed, by field. Fields the tracker has no column for are not written. */
export type ActivityInput = Partial<Record<FieldKey, string>>;

export interface ActivityResult {
  issues: Issue[];
  /** False when an error-level issue stopped the append. */
  appended: boolean;
  /** The 1-based sheet row written (or that would have been written). */
  row: number;
}

/** The row's values, left to right up to the last mapped column. */
function activityRow(input: ActivityInput, mapping: TrackerMapping, campaign: Campaign): CellValue[] {
  const row: CellValue[] = [];
  for (const [field, letter] of Object.entries(mapping.columns) as [FieldKey, string][]) {
    row[columnIndex(letter)] = entryCellValue(field, input[field], campaign);
  }
  return Array.from(row, (v) => v ?? null);
}

/** The issues the checker would raise for this row if it were written at `row`. */
export function validateActivity(
  input: ActivityInput,
  mapping: TrackerMapping & { headers: Record<string, string> },
  campaign: Campaign,
  row: number,
): Issue[] {
  const grid: Grid = Array.from({ length: row }, () => []);
  const header: CellValue[] = [];
  for (const [letter, text] of Object.entries(mapping.headers)) header[columnIndex(letter)] = text;
  grid[mapping.headerRow - 1] = Array.from(header, (v) => v ?? null);
  grid[row - 1] = activityRow(input, mapping, campaign);
  const read = readTracker(grid, campaign, { sheet: mapping.sheet, headerRow: mapping.headerRow, columns: mapping.columns });
  const record = read?.records.find((r) => r.row === row);
  if (!record) {
    throw new FlowError('activity-invalid', '这一行没有可读的内容，请至少填写活动日期和活动类型。', 'The row has nothing readable: fill in at least the date and the type.');
  }
  return validateRecords([record], campaign, mapping.columns);
}

/**
 * The row as the user would have written it: 序号 continued from the last record, and text in the
 * sheet's own script (a traditional tracker gets traditional text). Formats are the port's part.
 */
async function likeTheUsersRows(values: CellValue[], grid: Grid, mapping: TrackerMapping & { headers: Record<string, string> }, lastRecordRow: number): Promise<CellValue[]> {
  const row = [...values];
  const serialLetter = Object.entries(mapping.headers).find(([, text]) => isSerialHeader(text))?.[0];
  if (serialLetter) {
    const at = columnIndex(serialLetter);
    const next = lastRecordRow > mapping.headerRow ? nextSerial(grid[lastRecordRow - 1]?.[at] ?? null) : 1;
    if (next !== null && isBlank(row[at] ?? null)) {
      while (row.length <= at) row.push(null);
      row[at] = next;
    }
  }
  // The first rows say enough about the script; a 20,000-row sheet need not be read through.
  const texts = grid.slice(0, 200).flatMap((cells) => cells.filter((c): c is string => typeof c === 'string'));
  if (scriptOf(texts) === 'simplified') return row;
  const toTraditional = await loadToTraditional();
  return row.map((value) => (typeof value === 'string' ? toTraditional(value) : value));
}

function isBlankRow(cells: CellValue[] | undefined): boolean {
  return !cells || cells.every(isBlank);
}

/** Validates, then appends below the last record (or below everything, when notes follow the table). */
export function addActivity(
  port: WorkbookPort,
  campaign: Campaign,
  mapping: TrackerMapping & { headers: Record<string, string> },
  input: ActivityInput,
): Promise<ActivityResult> {
  return port.transaction(() => appendActivity(port, campaign, mapping, input));
}

async function appendActivity(
  port: WorkbookPort,
  campaign: Campaign,
  mapping: TrackerMapping & { headers: Record<string, string> },
  input: ActivityInput,
): Promise<ActivityResult> {
  const [sheet] = await port.readGrids([mapping.sheet]);
  const read = readTracker(sheet.grid, campaign, { sheet: mapping.sheet, headerRow: mapping.headerRow, columns: mapping.columns });
  const lastRecordRow = (read?.records ?? []).reduce((last, r) => Math.max(last, r.row), mapping.headerRow);
  const row = isBlankRow(sheet.grid[lastRecordRow]) ? lastRecordRow + 1 : Math.max(sheet.grid.length, lastRecordRow) + 1;
  const issues = validateActivity(input, mapping, campaign, row);
  if (issues.some((i) => i.severity === 'error')) return { issues, appended: false, row };
  await port.appendRow(mapping.sheet, row, await likeTheUsersRows(activityRow(input, mapping, campaign), sheet.grid, mapping, lastRecordRow), lastRecordRow > mapping.headerRow ? lastRecordRow : undefined);
  return { issues, appended: true, row };
}
