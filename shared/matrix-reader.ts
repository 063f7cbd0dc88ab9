// Progress matrices (推进表): rows are the required activities (or types), columns the months, and a
// filled cell says what was done that month (「4月18日专题讲座……」). Each filled cell is one record,
// read like a sentence of a log; a cell that describes a plan (计划 / 拟 …) is not an activity.
import { cellText, isBlank, plainRow } from './cells';
import { classifyActivity } from './classify';
import { columnLetter } from './columns';
import { matchLiaisonPoint } from './match';
import { recordFromSentence, type HeaderlessContext } from './narrative-reader';
import { chineseNumber } from './numerals';
import type { CellValue, Grid, TrackerRead, TrackerRecord, TypeCode } from './types';

/** Words that make a cell a plan, not an activity done. (Issue 10 part A reads an activity's status
 *  from any text; this short list is the matrix's own until that rule is shared.) */
export const PLAN_MARKERS = ['计划', '計劃', '拟于', '擬於', '拟', '擬', '待定', '预计', '預計', '准备', '準備', '将于', '將於', '未开展', '未開展'];

// A month header: 3月 / 三月 / 3月份 / 2017年3月.
const MONTH_HEADER = /^(?:((?:19|20)\d{2})\s*年\s*)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$/u;
// Rows under the matrix that are not requirements.
const NOT_REQUIREMENT = /^(?:合计|合計|小计|小計|总计|總計|备注|備註|说明|說明|注|註|填表|填报|填報)/u;
const SCAN_ROWS = 30;
const MIN_MONTHS = 2;

interface MonthColumn {
  col: number;
  month: number;
  year?: number;
}

function monthOf(value: CellValue): { month: number; year?: number } | null {
  if (typeof value !== 'string') return null;
  const m = MONTH_HEADER.exec(value.trim());
  if (!m) return null;
  const month = /^[0-9]+$/.test(m[2]) ? Number(m[2]) : chineseNumber(m[2]);
  if (month === null || month < 1 || month > 12) return null;
  return m[1] === undefined ? { month } : { month, year: Number(m[1]) };
}

/** The first row of the first 30 naming at least two months, and its month columns. */
function monthHeader(grid: Grid): { row: number; months: MonthColumn[] } | null {
  for (let r = 0; r < Math.min(grid.length, SCAN_ROWS); r++) {
    const row = Array.isArray(grid[r]) ? plainRow(grid[r]) : [];
    const months: MonthColumn[] = [];
    row.forEach((v, col) => {
      const m = monthOf(v);
      if (m) months.push({ col, ...m });
    });
    if (months.length >= MIN_MONTHS) return { row: r, months };
  }
  return null;
}

function isPlan(text: string): boolean {
  return PLAN_MARKERS.some((m) => text.includes(m));
}

/** The column left of the months naming the requirement of each row: the one with most texts that
 *  name an activity. */
function labelColumn(grid: Grid, header: number, firstMonth: number): number {
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < firstMonth; c++) {
    let count = 0;
    for (let r = header + 1; r < grid.length; r++) {
      const v = grid[r]?.[c];
      if (typeof v === 'string' && classifyActivity(v).recognised) count++;
    }
    if (count > bestCount) [best, bestCount] = [c, count];
  }
  return best;
}

/** A column left of the months naming a point on its rows (several points in one matrix). */
function pointColumn(grid: Grid, header: number, firstMonth: number, ctx: HeaderlessContext): number {
  for (let c = 0; c < firstMonth; c++) {
    for (let r = header + 1; r < grid.length; r++) {
      const v = grid[r]?.[c];
      if (typeof v === 'string' && matchLiaisonPoint(v, ctx.campaign)) return c;
    }
  }
  return -1;
}

/** Reads a progress matrix; null when the sheet has no row of months with activities under it. */
export function readMatrix(grid: Grid, ctx: HeaderlessContext): TrackerRead | null {
  const header = monthHeader(grid);
  if (!header) return null;
  const firstMonth = header.months[0].col;
  const label = labelColumn(grid, header.row, firstMonth);
  const pointCol = pointColumn(grid, header.row, firstMonth, ctx);
  const records: TrackerRecord[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = Array.isArray(grid[r]) ? plainRow(grid[r]) : [];
    const labelText = label < 0 ? '' : cellText(row[label]).trim();
    if (NOT_REQUIREMENT.test(labelText)) continue;
    const rowType: TypeCode | null = labelText === '' ? null : classifyActivity(labelText).recognised ? classifyActivity(labelText).type : null;
    const pointText = pointCol < 0 ? '' : cellText(row[pointCol]).trim();
    const pointId = pointText === '' ? ctx.pointId : (matchLiaisonPoint(pointText, ctx.campaign)?.id ?? null);
    for (const m of header.months) {
      const v = row[m.col];
      if (isBlank(v)) continue;
      const text = cellText(v).trim();
      if (isPlan(text)) continue;
      const year = m.year ?? ctx.defaultYear;
      const record = recordFromSentence(text, r + 1, { ...ctx, defaultYear: year, pointId }, { column: columnLetter(m.col) });
      // A cell that says what was done but not the day (√, 已完成) keeps its month for the message.
      if (record.date === null) record.dateText = `${year}年${m.month}月 ${text}`;
      if (record.type === null) record.type = rowType;
      if (pointText !== '') record.liaisonPointText = pointText;
      records.push(record);
    }
  }
  if (!records.some((r) => r.date !== null)) return null;
  const headers: Record<string, string> = {};
  for (const c of [label, pointCol, ...header.months.map((m) => m.col)]) {
    if (c >= 0) headers[columnLetter(c)] = cellText(grid[header.row]?.[c] ?? null).trim();
  }
  return {
    sheet: ctx.sheet,
    headerRow: header.row + 1,
    columns: {
      ...(pointCol >= 0 && { liaisonPoint: columnLetter(pointCol) }),
      date: columnLetter(firstMonth),
      ...(label >= 0 && { type: columnLetter(label) }),
      summary: columnLetter(firstMonth),
    },
    headers,
    records,
    layout: 'matrix',
  };
}
