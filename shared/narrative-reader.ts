// Trackers kept as a log of sentences: one column 活动情况 of 「3月16日下午，罗副主席在吕梁市委会作
// 专题讲座……」 and no column for the date or the type. Each sentence is read with the readers the
// tabular trackers use (the date reader, the classifier), the point from the sheet, the title or the
// file name. The check then says the tracker was read from text (read-from-text).
import { cellText } from './cells';
import { classifyActivity } from './classify';
import { columnLetter } from './columns';
import { parseDate } from './dates';
import { matchLiaisonPoint } from './match';
import { leadersIn, themeIn } from './sentences';
import type { Campaign, Grid, TrackerRead, TrackerRecord } from './types';

/** What a headerless reader knows besides the grid. */
export interface HeaderlessContext {
  campaign: Campaign;
  sheet: string;
  /** The workbook's file name, which may name the point. */
  file?: string;
  defaultYear: number;
  date1904: boolean;
  /** The point the sheet, its title or the file name gives every row, when there is one. */
  pointId: string | null;
}

// A sentence is long enough to tell an activity; shorter cells are labels, dates or names.
const MIN_SENTENCE = 8;
// Lines under the log that are not activities: notes, sign-off, totals.
const NOT_ACTIVITY = /^(?:注|註|说明|說明|备注|備註|填表|填报|填報|制表|審核|审核|合计|合計|小计|总计|共计)/u;
const MAX_COLUMNS = 60;

/** The sentence of a cell when it tells an activity: a date and a type read from it (`both`), or,
 *  in the column already known to hold the log, either of them (the other is then reported missing). */
function activitySentence(value: unknown, ctx: HeaderlessContext, both = true): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length < MIN_SENTENCE || NOT_ACTIVITY.test(text)) return null;
  const dated = parseDate(text, { defaultYear: ctx.defaultYear, date1904: ctx.date1904 }).ok;
  const typed = classifyActivity(text).recognised;
  return (both ? dated && typed : dated || typed) ? text : null;
}

/** One record read from one sentence; `column` set when the sentence is one cell of a matrix. */
export function recordFromSentence(text: string, row: number, ctx: HeaderlessContext, extra: Partial<TrackerRecord> = {}): TrackerRecord {
  const date = parseDate(text, { defaultYear: ctx.defaultYear, date1904: ctx.date1904 });
  const c = classifyActivity(text);
  return {
    row,
    liaisonPointId: ctx.pointId ?? matchLiaisonPoint(text, ctx.campaign)?.id ?? null,
    date: date.ok ? date.date : null,
    type: c.recognised ? c.type : null,
    leader: leadersIn(text),
    title: themeIn(text),
    participants: null,
    summary: text,
    publication: null,
    materials: null,
    filledBy: null,
    remarks: null,
    ...extra,
  };
}

/** Reads a sheet whose activities are sentences in one column; null when no column holds any. */
export function readNarrative(grid: Grid, ctx: HeaderlessContext): TrackerRead | null {
  const counts = new Map<number, { count: number; first: number }>();
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < Math.min(row.length, MAX_COLUMNS); c++) {
      if (activitySentence(row[c], ctx) === null) continue;
      const seen = counts.get(c);
      counts.set(c, seen ? { ...seen, count: seen.count + 1 } : { count: 1, first: r });
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0] - b[0])[0];
  if (!best) return null;
  const [col, { first }] = best;
  const letter = columnLetter(col);
  const headerText = first > 0 ? cellText(grid[first - 1]?.[col] ?? null).trim() : '';
  const records: TrackerRecord[] = [];
  for (let r = first; r < grid.length; r++) {
    const text = activitySentence(grid[r]?.[col], ctx, false);
    if (text !== null) records.push(recordFromSentence(text, r + 1, ctx));
  }
  return {
    sheet: ctx.sheet,
    headerRow: Math.max(first, 1),
    columns: { date: letter, type: letter, summary: letter },
    headers: headerText === '' ? {} : { [letter]: headerText },
    records,
    layout: 'narrative',
  };
}
