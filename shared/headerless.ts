// Sheets with no header naming a date and a type: a progress matrix (months across) or a log of
// sentences. Tried only when no sheet of the workbook has such a header.
import { campaignYear } from './campaign';
import { classifyActivity } from './classify';
import { parseDate } from './dates';
import { readMatrix } from './matrix-reader';
import { readNarrative, type HeaderlessContext } from './narrative-reader';
import { contextTexts, pointFromTexts, yearFromTexts } from './sheet-context';
import { STATUS_SHEET_NAME } from './status-sheet';
import type { Campaign, Grid, SheetGrid, TrackerRead } from './types';

const TITLE_ROWS = 10;

/** The first row (0-based) that holds an activity (a dated, typed text) or a row of months: the
 *  rows above it are titles that may name the point and the year. */
function firstContentRow(grid: Grid, defaultYear: number): number {
  for (let r = 0; r < Math.min(grid.length, TITLE_ROWS); r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    let months = 0;
    for (const v of row) {
      if (typeof v !== 'string') continue;
      if (/^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*$/u.test(v)) months++;
      else if (parseDate(v, { defaultYear }).ok && classifyActivity(v).recognised) return r;
    }
    if (months >= 2) return r;
  }
  return Math.min(grid.length, TITLE_ROWS);
}

/** One sheet read as a matrix, else as a log of sentences; null when it is neither. */
export function readHeaderlessSheet(sheet: SheetGrid, campaign: Campaign, file?: string): TrackerRead | null {
  if (!Array.isArray(sheet.grid)) return null;
  const texts = contextTexts(sheet.grid, firstContentRow(sheet.grid, campaignYear(campaign)), [sheet.name, file]);
  const ctx: HeaderlessContext = {
    campaign,
    sheet: sheet.name,
    file,
    defaultYear: yearFromTexts(texts) ?? campaignYear(campaign),
    date1904: sheet.date1904 === true,
    pointId: pointFromTexts(texts, campaign),
  };
  return readMatrix(sheet.grid, ctx) ?? readNarrative(sheet.grid, ctx);
}

/** The sheet of the workbook read best without a header (the most records), or null. */
export function readHeaderless(sheets: SheetGrid[], campaign: Campaign, file?: string): TrackerRead | null {
  let best: TrackerRead | null = null;
  for (const s of sheets) {
    if (!s || s.name === STATUS_SHEET_NAME) continue;
    const read = readHeaderlessSheet(s, campaign, file);
    if (read && read.records.length > 0 && (!best || read.records.length > best.records.length)) best = read;
  }
  return best;
}
