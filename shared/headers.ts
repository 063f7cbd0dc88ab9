// Finding the header row of a tracker and mapping its columns to record fields, whatever the
// province calls them (synonyms, traditional characters, full-width punctuation, notes in brackets).
import { columnIndex, columnLetter } from './columns';
import { cellText, plainRow } from './cells';
import { FIELD_LABELS } from './labels';
import { remember } from './memo';
import { isSectionRow } from './sections';
import { normalizeText } from './text';
import { FIELD_KEYS } from './types';
import type { ColumnMap, FieldKey, Grid } from './types';

/** Header words per field with a weight: 3 = unmistakable, 2 = usual, 1 = a guess. */
const SYNONYMS: Record<FieldKey, [string, number][]> = {
  liaisonPoint: [
    ['联系点', 3], ['联系点名称', 3], ['联系点单位', 3], ['地市组织', 3], ['市级组织', 3], ['基层组织名称', 2], ['单位', 2],
    ['单位名称', 2], ['组织', 1], ['地市', 2], ['联系单位', 3], ['地区', 2], ['市州', 2], ['地州', 2], ['市县', 2],
    ['region', 2], ['point', 1], ['city', 1], ['organization', 1], ['organisation', 1],
  ],
  date: [
    ['活动日期', 3], ['活动时间', 3], ['日期', 3], ['开展时间', 3], ['举办时间', 3], ['时间', 2], ['举行时间', 3], ['年月日', 2],
    ['实际开展时间', 3], ['完成时间', 3], ['when', 1],
  ],
  type: [
    ['活动类型', 3], ['活动形式', 3], ['活动类别', 3], ['类型', 3], ['形式', 2], ['类别', 2], ['工作内容', 2], ['规定动作', 2],
    ['活动项目', 2], ['活动方式', 3], ['方式', 1], ['活动内容', 1],
    ['type', 2], ['category', 2], ['activity', 1], ['form', 1],
  ],
  leader: [
    ['参加领导', 3], ['出席领导', 3], ['参加的领导小组成员', 3], ['领导小组成员', 3], ['联系领导', 3], ['联系点领导', 3],
    ['带队领导', 3], ['参加的领导', 3], ['中央领导', 3], ['领导', 2], ['主讲人', 2], ['主讲', 1],
    ['leader', 2], ['speaker', 1],
  ],
  title: [
    ['活动主题', 3], ['主题', 3], ['题目', 3], ['标题', 3], ['讲座题目', 3], ['活动名称', 3], ['名称', 1],
    ['title', 2], ['topic', 2], ['theme', 2], ['subject', 2],
  ],
  participants: [
    ['参加人数', 3], ['人数', 3], ['参与人数', 3], ['参会人数', 3], ['出席人数', 3], ['参加人员数', 3], ['人次', 2],
    ['attendees', 2], ['attendance', 2], ['headcount', 2],
  ],
  summary: [
    ['主要内容', 3], ['内容摘要', 3], ['活动简况', 3], ['简况', 2], ['摘要', 2], ['活动情况', 2], ['活动概况', 3],
    ['情况简介', 3], ['简要情况', 3], ['内容', 1], ['简介', 2], ['开展情况', 2], ['工作情况', 2], ['落实情况', 2],
    ['具体情况', 2], ['具体内容', 2], ['具体活动', 2], ['description', 2], ['details', 2], ['content', 1],
  ],
  publication: [
    ['刊发情况', 3], ['媒体刊发', 3], ['刊发', 3], ['发表', 2], ['发表情况', 3], ['宣传报道', 2], ['报道情况', 3],
    ['媒体报道', 3], ['刊载', 2], ['发布情况', 2], ['published', 2], ['media', 1],
  ],
  materials: [
    ['佐证材料', 3], ['材料', 2], ['附件', 2], ['证明材料', 3], ['相关材料', 3], ['图片资料', 2], ['资料', 1], ['照片', 1],
    ['evidence', 2], ['attachment', 2],
  ],
  filledBy: [['填报人', 3], ['填表人', 3], ['经办人', 3], ['填写人', 3], ['记录人', 3], ['填报单位', 2], ['联系人', 1]],
  remarks: [['备注', 3], ['说明', 1], ['附注', 2], ['notes', 2], ['note', 2], ['comments', 2], ['remark', 2]],
};

// The template's own headers are synonyms by construction; English labels and field keys too.
for (const [field, label] of Object.entries(FIELD_LABELS) as [FieldKey, { zh: string; en: string }][]) {
  if (!SYNONYMS[field].some(([w]) => w === label.zh)) SYNONYMS[field].push([label.zh, 3]);
  SYNONYMS[field].push([label.en, 2], [field, 2]);
}

const NORMALISED: [FieldKey, string, number][] = (Object.entries(SYNONYMS) as [FieldKey, [string, number][]][]).flatMap(
  ([field, words]) => words.map(([w, weight]): [FieldKey, string, number] => [field, normalizeText(w), weight]),
);

// Longer cells are titles or notes, not headers.
const MAX_HEADER_LENGTH = 24;
const SCAN_ROWS = 30;

const BRACKETED = /\(.*?\)|\[.*?\]|【.*?】|〔.*?〕|<.*?>|《.*?》/g;
const BRACKETS = /[()[\]【】〔〕<>《》]/g;

function withoutMarks(key: string): string {
  return key.replace(/^[0-9]+[.、]/, '').replace(/[*:：.,、。;；?？!！"'“”‘’]/g, '');
}

/** A header cell's matching keys, marks (* : ：) and numbering removed: without its bracketed notes
 *  (参加人数（人）, 日期（年月日）), and, when the brackets hold part of the name (市（州）), with them. */
function headerKeys(text: string): string[] {
  const key = normalizeText(text);
  const stripped = withoutMarks(key.replace(BRACKETED, ''));
  const kept = withoutMarks(key.replace(BRACKETS, ''));
  return kept === stripped ? [stripped] : [stripped, kept];
}

// Ledgers write the date in two (or three) columns 月 | 日 (年 | 月 | 日): as convincing as 活动日期.
const SPLIT_DATE_SCORE = 354;
const MONTH_KEYS = new Set(['月', '月份']);

// 月 | 日 under a merged 活动时间: the lower row is the header the dates are read by, not the upper
// one, whose 活动时间 would stand for a column holding only the month.
const SPLIT_UNDER_DATE_BONUS = 100;

function namesDate(text: string | undefined): boolean {
  return text !== undefined && text !== '' && fieldScores(text).has('date');
}

/** 0-based columns of a date written in separate year, month and day cells. */
export interface DateParts {
  year?: number;
  month: number;
  day: number;
}

function splitDates(texts: string[]): DateParts[] {
  const out: DateParts[] = [];
  for (let c = 0; c + 1 < texts.length; c++) {
    if (!MONTH_KEYS.has(headerKeys(texts[c])[0]) || headerKeys(texts[c + 1])[0] !== '日') continue;
    out.push(c > 0 && headerKeys(texts[c - 1])[0] === '年' ? { year: c - 1, month: c, day: c + 1 } : { month: c, day: c + 1 });
  }
  return out;
}

interface Candidate {
  col: number;
  field: FieldKey;
  score: number;
}

const fieldScoreCache = new Map<string, Map<FieldKey, number>>();

/** How well one header text names each field (exact beats contained, weight first). */
function fieldScores(text: string): Map<FieldKey, number> {
  return remember(fieldScoreCache, text, () => scoreFields(text), 5_000);
}

function scoreFields(text: string): Map<FieldKey, number> {
  const best = new Map<FieldKey, number>();
  for (const key of headerKeys(text)) {
    if (key === '' || key.length > MAX_HEADER_LENGTH) continue;
    for (const [field, word, weight] of NORMALISED) {
      let score = 0;
      if (key === word) score = weight * 100 + 50 + word.length;
      else if (key.includes(word)) score = weight * 100 + word.length;
      if (score > (best.get(field) ?? 0)) best.set(field, score);
    }
  }
  return best;
}

/** True when a cell's text reads as a column header (names some field). */
export function isHeaderText(text: string): boolean {
  return fieldScores(text).size > 0;
}

function candidates(texts: string[], splits: DateParts[]): Candidate[] {
  const out: Candidate[] = [];
  texts.forEach((text, col) => {
    if (text === '') return;
    for (const [field, score] of fieldScores(text)) out.push({ col, field, score });
  });
  for (const split of splits) out.push({ col: split.month, field: 'date', score: SPLIT_DATE_SCORE });
  return out;
}

interface Assignment {
  columns: ColumnMap;
  score: number;
  dateParts?: DateParts;
}

/** One column per field and one field per column, best matches first; `notType` is a column that
 *  cannot be the type (a column of serial numbers). */
function assign(texts: string[], notType = -1): Assignment {
  const splits = splitDates(texts);
  const list = candidates(texts, splits).sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: ColumnMap = {};
  const used = new Set<number>();
  let score = 0;
  for (const c of list) {
    if (columns[c.field] !== undefined || used.has(c.col) || (c.field === 'type' && c.col === notType)) continue;
    columns[c.field] = columnLetter(c.col);
    used.add(c.col);
    score += c.score;
  }
  const dateParts = splits.find((p) => columns.date === columnLetter(p.month));
  return { columns: inFieldOrder(columns), score, ...(dateParts && { dateParts }) };
}

function inFieldOrder(columns: ColumnMap): ColumnMap {
  const out: ColumnMap = {};
  for (const field of FIELD_KEYS) if (columns[field] !== undefined) out[field] = columns[field];
  return out;
}

export interface HeaderMatch {
  /** 1-based row of the (last) header row. */
  headerRow: number;
  columns: ColumnMap;
  headers: Record<string, string>;
  /** How convincing the header is; compares sheets. */
  score: number;
  /** When the date is written in separate 月 and 日 columns (`columns.date` is the month's). */
  dateParts?: DateParts;
}

function rowTexts(grid: Grid, r: number, width: number): string[] {
  const row = Array.isArray(grid[r]) ? plainRow(grid[r]) : [];
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = row[c];
    texts.push(typeof v === 'string' ? v.trim() : '');
  }
  return texts;
}

/** A tracker needs dates and something that says what happened: a type, or a title or summary the
 *  type can be read from (内容 alone is a common tracker's only description column). */
function usable(columns: ColumnMap): boolean {
  return columns.date !== undefined && (columns.type !== undefined || columns.title !== undefined || columns.summary !== undefined);
}

function headersOf(texts: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  texts.forEach((t, c) => {
    if (t !== '') headers[columnLetter(c)] = t;
  });
  return headers;
}

// How far below the header a column is looked at to tell a column of serial numbers.
const SERIAL_SCAN_ROWS = 200;
const SERIAL_TEXT = /^\s*(\d{1,4})\s*[.、]?\s*$/u;

/** 1, 2, 3 … down a column under the header (a 序号 column): numbering may restart at 1 after a
 *  section heading, and a number may repeat where a merge spans a record's rows. */
function isSerialColumn(grid: Grid, fromRow: number, col: number): boolean {
  let last = 0;
  let numbers = 0;
  let others = 0;
  for (let r = fromRow; r < Math.min(grid.length, fromRow + SERIAL_SCAN_ROWS); r++) {
    const row = grid[r];
    const v = Array.isArray(row) ? row[col] : null;
    if (v === null || v === undefined || v === '') continue;
    const text = typeof v === 'string' ? SERIAL_TEXT.exec(v)?.[1] : undefined;
    const n = typeof v === 'number' ? v : text === undefined ? NaN : Number(text);
    if (!Number.isInteger(n)) {
      others++;
      continue;
    }
    if (n !== last + 1 && n !== last && n !== 1) return false;
    last = n;
    numbers++;
  }
  return numbers >= 2 && others <= numbers;
}

/** The assignment of one header row (0-based `r`), its type never a column of serial numbers. */
function assignAt(grid: Grid, r: number, texts: string[]): Assignment {
  const first = assign(texts);
  const typeCol = first.columns.type === undefined ? -1 : columnIndex(first.columns.type);
  return typeCol >= 0 && isSerialColumn(grid, r + 1, typeCol) ? assign(texts, typeCol) : first;
}

/** The mapping the header texts of one row give (no detection of where the header is). */
export function mapHeaderRow(grid: Grid, headerRow: number): { columns: ColumnMap; headers: Record<string, string>; dateParts?: DateParts } {
  const width = gridWidth(grid, headerRow - 1, headerRow);
  const row = Array.isArray(grid[headerRow - 1]) ? plainRow(grid[headerRow - 1]) : [];
  const texts = rowTexts(grid, headerRow - 1, width).map((t, c) => t || cellText(row[c]));
  const { columns, dateParts } = assignAt(grid, headerRow - 1, texts);
  return { columns, headers: headersOf(texts), ...(dateParts && { dateParts }) };
}

function gridWidth(grid: Grid, from: number, to: number): number {
  let width = 0;
  for (let r = Math.max(0, from); r < Math.min(grid.length, to); r++) {
    const row = grid[r];
    if (Array.isArray(row) && row.length > width) width = row.length;
  }
  return Math.min(width, 200);
}

/** Scores every row among the first 30 (and every pair of rows, for two-level headers whose group
 *  titles sit in merged cells above) and returns the best one that has at least a date column and
 *  a type, title or summary column; null when there is none. */
export function detectHeader(grid: Grid): HeaderMatch | null {
  if (!Array.isArray(grid)) return null;
  const rows = Math.min(grid.length, SCAN_ROWS);
  const width = gridWidth(grid, 0, rows);
  let best: HeaderMatch | null = null;
  let previous: string[] | null = null;
  for (let r = 0; r < rows; r++) {
    // A section heading (一、规定动作) is neither a header nor the half of one.
    if (!Array.isArray(grid[r]) || isSectionRow(plainRow(grid[r]))) {
      previous = null;
      continue;
    }
    const texts = rowTexts(grid, r, width);
    const single = assignAt(grid, r, texts);
    const options: ({ texts: string[] } & Assignment)[] = [{ texts, ...single }];
    if (previous) {
      const upper = previous;
      const merged = texts.map((t, c) => t || upper[c]);
      const pair = assignAt(grid, r, merged);
      if (pair.score > single.score && Object.keys(pair.columns).length > Object.keys(single.columns).length) {
        options.push({ texts: merged, ...pair });
      }
    }
    for (const o of options) {
      if (o.dateParts && previous && namesDate(previous[o.dateParts.month])) o.score += SPLIT_UNDER_DATE_BONUS;
      if (usable(o.columns) && (!best || o.score > best.score)) {
        best = { headerRow: r + 1, columns: o.columns, headers: headersOf(o.texts), score: o.score, ...(o.dateParts && { dateParts: o.dateParts }) };
      }
    }
    previous = texts;
  }
  return best;
}

/** The header row (1-based), its column mapping and header texts, or null when no row of the first
 *  30 looks like a tracker header (at least a date and a type or title column). */
export function findHeaderRow(grid: Grid): { headerRow: number; columns: ColumnMap; headers: Record<string, string> } | null {
  const found = detectHeader(grid);
  return found && { headerRow: found.headerRow, columns: found.columns, headers: found.headers };
}
