// Reading tracker records from a sheet's grid of cell values (Excel's `range.values` or an .xlsx
// reader's), skipping what is not an activity: titles, blank rows, repeated headers, totals, notes.
import { campaignYear } from './campaign';
import { cellText, isBlank, plainRow, textOrNull } from './cells';
import { classifyActivity } from './classify';
import { appendContinuation, continuesRecord, MergeCover, type ContinuationColumns, type OpenRecord } from './continuation';
import { columnIndex } from './columns';
import { parseDate } from './dates';
import { readHeaderless, readHeaderlessSheet } from './headerless';
import { detectHeader, isHeaderText, mapHeaderRow } from './headers';
import type { DateParts } from './headers';
import { matchLiaisonPoint } from './match';
import { parseParticipants } from './participants';
import { SECTION, SECTION_NUMBER } from './sections';
import { contextTexts, pointFromTexts, yearFromTexts } from './sheet-context';
import { STATUS_SHEET_NAME } from './status-sheet';
import { FIELD_KEYS } from './types';
import type { Campaign, CellValue, ColumnMap, FieldKey, Grid, SheetGrid, TrackerRead, TrackerRecord, TypeCode } from './types';

const TOTALS =
  /^(?:本月|本季度?|本年度?|全年|年度)?\s*(?:合|總|总|小|共|累)\s*(?:计|計)|^(?:汇|匯)\s*(?:总|總)|^(?:grand\s*)?total\b|^sum\b/iu;
// A count line under the table (共开展活动5次): only when the row holds little else.
const COUNT_LINE = /^共\D{0,8}\d+\s*(?:次|项|項|场|場|个|個)/u;
const NOTES = /^(填表说明|填報說明|填报说明|填表說明|注意事项|注意事項|(说明|說明|注|註|备注|備註|附注|附註|注意)\s*[:：1１一①(（])/u;
// A notes marker alone in its cell, the note itself in the next (注： | 类型请从下拉菜单中选择).
const NOTES_MARKER = /^(?:说明|說明|注|註|备注|備註|附注|附註|注意)\s*[:：]$|^(?:注|註)$/u;
const FOOTER =
  /^(填表人|填报人|填報人|制表人|製表人|审核人|審核人|负责人|負責人|联系人|聯繫人|联系电话|聯繫電話|电话|電話|填报单位|填報單位|报送单位|報送單位|填表日期|填报日期|填報日期|制表日期|製表日期|报送日期|報送日期|制表|製表|填表|审核|審核|签发人?|簽發人?|单位负责人|單位負責人|分管领导|分管領導|单位|單位)\s*(?:[(（][^)）]*[)）])?\s*[:：]/u;
// The template's sample row: 示例 / 例： / 样例1 in the first cell.
const EXAMPLE = /^(填写|填寫)?(示例|样例|樣例|范例|範例|举例|舉例|例)\s*(?:[:：]|\d*$)/u;
// The column numbers some forms print under the header (栏次 | 1 | 2 | 3 …).
const COLUMN_NUMBER_LABEL = /^(栏次|欄次|栏号|欄號|列号|列號|栏目|欄目)$/u;
const SEQUENCE = /^\d{1,4}[.、]?$/;
// "Same as above": the cell repeats the previous record's.
const DITTO = new Set(['同上', '〃', '"', '”', '“', '々', '同前', '仝上', 'ditto', 'Ditto', 'DITTO', '""', '〃〃']);
const TOTALS_START = new Set([...'合總总小共累本全年汇匯TtGgSs']);
// First characters of the markers above, so ordinary rows skip the regular expressions.
const MARKER_START = new Set([...'合總总小共累本全年汇匯TtSsGg填注註说說备備附制製审審负負联聯电電报報签簽单單分示样樣范範举舉例']);
// The fill-in hints some templates put under the header: （必填） | （格式：2017-03-15） | 【下拉选择】.
const HINT = /^[(（【[].*[)）】\]]$/u;
const OPENING_BRACKETS = new Set([...'(（【[']);
// Units and formats a second header line gives: （人） | 人次 | 年月日 | yyyy-mm-dd.
const UNIT = /^[(（]?(?:人|人次|名|位|次|个|個|场|場|天|小时|小時|元|万元|萬元)[)）]?$|^[年月日yYmMdD\-./\s]+$/u;
// Fields that say where, when or what the activity was; a row with none of them (only a remark, a
// count, a formula's 0, the sign-off date written far right) is not an activity.
const KEY_FIELDS = new Set<FieldKey>(['liaisonPoint', 'date', 'type', 'title', 'summary']);

export interface ReadOptions {
  sheet?: string;
  /** A header row the user chose (1-based); overrides detection. */
  headerRow?: number;
  /** A column mapping the user corrected; overrides detection. */
  columns?: ColumnMap;
  /** As SheetGrid.merges: the sheet's merged areas (A1 ranges), to tell a merge from a value typed twice. */
  merges?: readonly string[];
  /** As SheetGrid.date1904: the workbook counts serial days from 1904. */
  date1904?: boolean;
}

/** The reading options a sheet of the grid contract brings with it. */
function sheetFacts(s: SheetGrid): ReadOptions {
  return { sheet: s.name, ...(s.merges && { merges: s.merges }), ...(s.date1904 && { date1904: true }) };
}

interface Layout {
  headerRow: number;
  columns: ColumnMap;
  headers: Record<string, string>;
  dateParts?: DateParts;
}

function layout(grid: Grid, opts: ReadOptions): Layout | null {
  if (opts.headerRow !== undefined && Number.isInteger(opts.headerRow) && opts.headerRow >= 1) {
    const mapped = mapHeaderRow(grid, opts.headerRow);
    return { headerRow: opts.headerRow, columns: opts.columns ?? mapped.columns, headers: mapped.headers, dateParts: mapped.dateParts };
  }
  const detected = detectHeader(grid);
  if (opts.columns) {
    const headerRow = detected?.headerRow ?? 1;
    return { headerRow, columns: opts.columns, headers: detected?.headers ?? mapHeaderRow(grid, headerRow).headers };
  }
  return detected && { headerRow: detected.headerRow, columns: detected.columns, headers: detected.headers, dateParts: detected.dateParts };
}

/** Field → 0-based column index, for the fields the mapping names with a valid letter. */
function fieldIndexes(columns: ColumnMap): [FieldKey, number][] {
  const out: [FieldKey, number][] = [];
  for (const field of FIELD_KEYS) {
    const letter = columns[field];
    if (typeof letter !== 'string' || !/^[A-Za-z]{1,3}$/.test(letter.trim())) continue;
    out.push([field, columnIndex(letter)]);
  }
  return out;
}

/** When the sheet has no liaison-point column, a point named by the sheet or the title above the
 *  header (毕节市工委台账) stands for every row. */
function pointFromContext(grid: Grid, headerRow: number, campaign: Campaign, sheet: string): string | null {
  return pointFromTexts(contextTexts(grid, headerRow - 1, [sheet]), campaign);
}

// 'keyless': a row with text only in fields that do not say which activity it is (a second line
// of the participants); not a record, but it may continue the one above.
type RowKind = 'record' | 'skip' | 'notes' | 'section' | 'keyless';

function classifyRow(row: CellValue[], indexes: [FieldKey, number][], headerTexts: Map<number, string[]>, inNotes: boolean): RowKind {
  let nonEmpty = 0;
  let first: CellValue = null;
  for (const v of row) {
    if (!isBlank(v)) {
      if (nonEmpty === 0) first = v;
      nonEmpty++;
    }
  }
  if (nonEmpty === 0) return 'skip';
  if (typeof first === 'string' && MARKER_START.has(first.trim().charAt(0))) {
    const firstText = first.trim();
    if (TOTALS.test(firstText) || FOOTER.test(firstText) || EXAMPLE.test(firstText)) return 'skip';
    if (nonEmpty <= 2 && COUNT_LINE.test(firstText)) return 'skip';
    if ((NOTES.test(firstText) && nonEmpty === 1) || NOTES_MARKER.test(firstText)) return 'notes';
  }
  if (inNotes && nonEmpty === 1) return 'notes';
  if (nonEmpty === 1) {
    const text = cellText(first);
    if (SEQUENCE.test(text)) return 'skip';
    if (typeof first === 'string' && SECTION.test(text)) return 'section';
  }
  if (nonEmpty >= 3 && isColumnNumbers(row)) return 'skip';
  if (typeof first === 'string' && OPENING_BRACKETS.has(first.trim().charAt(0)) && row.every((v) => isBlank(v) || (typeof v === 'string' && HINT.test(v.trim())))) {
    return 'skip';
  }
  let mapped = 0;
  let repeated = 0;
  let key = 0;
  for (const [field, col] of indexes) {
    const v = row[col];
    if (isBlank(v)) continue;
    mapped++;
    if (KEY_FIELDS.has(field)) key++;
    const headers = headerTexts.get(col);
    if (headers !== undefined && typeof v === 'string' && headers.includes(v.trim())) repeated++;
    else if (typeof v === 'string' && TOTALS_START.has(v.trim().charAt(0)) && TOTALS.test(v.trim())) return 'skip';
  }
  if (key === 0) return repeated > 0 ? 'skip' : 'keyless';
  if (repeated >= 2 || (repeated === mapped && repeated > 0)) return 'skip';
  return 'record';
}

/** Right under the header, a line of units, formats or sub-headers (（人） | 年月日 | 领导 | 人数) that
 *  the header detection did not take as part of the header. */
function isHeaderContinuation(row: CellValue[]): boolean {
  let nonEmpty = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== 'string') return false;
    const t = v.trim();
    if (!HINT.test(t) && !UNIT.test(t) && !isHeaderText(t)) return false;
    nonEmpty++;
  }
  return nonEmpty > 0;
}

/** 1 | 2 | 3 …, perhaps after a 栏次 label: the column numbers of a printed form. */
function isColumnNumbers(row: CellValue[]): boolean {
  let next = -1;
  let count = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v)) n = Number(v);
    else if (count === 0 && next === -1 && typeof v === 'string' && COLUMN_NUMBER_LABEL.test(v.trim())) {
      next = 0;
      continue;
    } else return false;
    if (!Number.isInteger(n) || n < 0 || n > 999 || (count > 0 && n !== next)) return false;
    next = n + 1;
    count++;
  }
  return count >= 3;
}

/** What a section heading says about the rows below it: a point (一、毕节市工委) or a type (二、看望老同志). */
interface Section {
  pointId: string | null;
  type: TypeCode | null;
}

function sectionOf(row: CellValue[], campaign: Campaign, current: Section): Section {
  const text = cellText(row.find((v) => !isBlank(v)) ?? null).replace(SECTION_NUMBER, '');
  const point = matchLiaisonPoint(text, campaign);
  if (point) return { pointId: point.id, type: null };
  const c = classifyActivity(text);
  return { pointId: current.pointId, type: c.recognised ? c.type : null };
}

/** The row with every "same as above" mark replaced by the previous record's cell. */
function resolveDitto(row: CellValue[], cols: number[], previous: CellValue[]): CellValue[] {
  let out: CellValue[] | null = null;
  for (const c of cols) {
    const v = row[c];
    if (typeof v === 'string' && v.length <= 6 && DITTO.has(v.trim())) {
      out ??= row.slice();
      out[c] = previous[c];
    }
  }
  return out ?? row;
}

/** A date written in separate 年 / 月 / 日 cells as one text (2017年3月15日); a blank month repeats
 *  the last one written, as ledgers write the month once. Null when both month and day are blank. */
function dateFromParts(row: CellValue[], parts: DateParts, lastMonth: string): { text: string | null; month: string } {
  const year = parts.year === undefined ? '' : cellText(row[parts.year]).replace(/年$/u, '');
  let month = cellText(row[parts.month]).replace(/月份?$/u, '');
  const day = cellText(row[parts.day]).replace(/[日号]$/u, '');
  if (month === '' && day === '') return { text: null, month: lastMonth };
  if (month === '') month = lastMonth;
  const text = `${year === '' ? '' : `${year}年`}${month === '' ? '' : `${month}月`}${day === '' ? '' : `${day}日`}`;
  return { text, month };
}

/** Reads the records of one sheet's grid. Null when no header is found (and none was given). */
export function readTracker(grid: Grid, campaign: Campaign, opts: ReadOptions = {}): TrackerRead | null {
  if (!Array.isArray(grid)) return null;
  const found = layout(grid, opts);
  if (!found) return null;
  const sheet = opts.sheet ?? '';
  const indexes = fieldIndexes(found.columns);
  const col = new Map(indexes);
  // Header texts by column, of the header row and the row above it (a two-level header's group
  // titles), to recognise the header where it is repeated further down.
  const headerTexts = new Map<number, string[]>();
  for (const r of [found.headerRow - 1, found.headerRow - 2]) {
    const cells = Array.isArray(grid[r]) ? plainRow(grid[r]) : [];
    for (const [, c] of indexes) {
      const t = cells[c];
      if (typeof t === 'string' && t.trim() !== '') headerTexts.set(c, [...(headerTexts.get(c) ?? []), t.trim()]);
    }
  }
  const parts = found.dateParts && col.get('date') === found.dateParts.month ? found.dateParts : undefined;
  const dittoCols = [...col.values(), ...(parts ? [parts.day, ...(parts.year === undefined ? [] : [parts.year])] : [])];
  const ctx: RecordContext = {
    at: Object.fromEntries(FIELD_KEYS.map((f) => [f, col.get(f) ?? -1])) as Columns,
    fallbackPointId: col.has('liaisonPoint') ? null : pointFromContext(grid, found.headerRow, campaign, sheet),
    campaign,
    defaultYear: yearFromTexts(contextTexts(grid, found.headerRow - 1, [sheet])) ?? campaignYear(campaign),
    date1904: opts.date1904 === true,
  };
  const records: TrackerRecord[] = [];
  const cover = new MergeCover(opts.merges);
  const continuation = continuationColumns(ctx.at, parts);
  let inNotes = false;
  let section: Section = { pointId: null, type: null };
  let previous: CellValue[] | null = null;
  let open: OpenRow | null = null;
  let lastMonth = '';
  for (let r = found.headerRow; r < grid.length; r++) {
    if (!Array.isArray(grid[r])) continue;
    const row = plainRow(grid[r]);
    const kind = classifyRow(row, indexes, headerTexts, inNotes);
    if (open && (kind === 'record' || kind === 'keyless' || row.every(isBlank)) && continuesRecord(row, r, open, continuation, cover, kind === 'keyless')) {
      const joined: OpenRow = { ...open, last: r, cells: appendContinuation(open.cells, row, r, cover) };
      records[records.length - 1] = toRecord(joined.cells, joined.row + 1, joined.dateValue, ctx, joined.section);
      open = joined;
      continue;
    }
    if (kind === 'notes') inNotes = true;
    if (kind === 'section') section = sectionOf(row, campaign, section);
    if (kind !== 'record' || (r < found.headerRow + 2 && isHeaderContinuation(row))) continue;
    inNotes = false;
    const cells: CellValue[] = previous ? resolveDitto(row, dittoCols, previous) : row;
    let dateValue = ctx.at.date < 0 ? null : cells[ctx.at.date];
    if (parts) {
      const composed = dateFromParts(cells, parts, lastMonth);
      dateValue = composed.text;
      lastMonth = composed.month;
    }
    records.push(toRecord(cells, r + 1, dateValue, ctx, section));
    previous = cells;
    open = { row: r, last: r, cells, dateValue, section };
  }
  return { sheet, headerRow: found.headerRow, columns: found.columns, headers: found.headers, records };
}

/** The last record read, while rows below may still continue it. */
type OpenRow = OpenRecord & { dateValue: CellValue; section: Section };

// Which columns say which activity a row is; the others describe it and may run on to a next row.
const IDENTIFYING: FieldKey[] = ['liaisonPoint', 'date', 'type'];

function continuationColumns(at: Columns, parts: DateParts | undefined): ContinuationColumns {
  const key = IDENTIFYING.map((f) => at[f]).filter((c) => c >= 0);
  if (parts) key.push(parts.month, parts.day, ...(parts.year === undefined ? [] : [parts.year]));
  const text = FIELD_KEYS.filter((f) => !IDENTIFYING.includes(f) && at[f] >= 0).map((f) => at[f]);
  return { key, text };
}

/** 0-based column of each field, -1 when the tracker has none. */
type Columns = Record<FieldKey, number>;

interface RecordContext {
  at: Columns;
  fallbackPointId: string | null;
  campaign: Campaign;
  defaultYear: number;
  date1904: boolean;
}

function toRecord(row: CellValue[], rowNumber: number, dateValue: CellValue, ctx: RecordContext, section: Section): TrackerRecord {
  const { at, campaign } = ctx;
  const get = (c: number): CellValue => (c < 0 ? null : row[c]);
  const pointText = textOrNull(get(at.liaisonPoint));
  const parsed = parseDate(dateValue, { defaultYear: ctx.defaultYear, date1904: ctx.date1904 });
  const title = textOrNull(get(at.title));
  const summary = textOrNull(get(at.summary));
  const typeText = textOrNull(get(at.type));
  const participantsValue = get(at.participants);
  const participantsText = textOrNull(participantsValue);
  return {
    row: rowNumber,
    liaisonPointId: pointText === null ? (section.pointId ?? ctx.fallbackPointId) : (matchLiaisonPoint(pointText, campaign)?.id ?? null),
    date: parsed.ok ? parsed.date : null,
    type: at.type >= 0 ? typeOf(typeText, title, summary) : (typeFromTexts(title, summary) ?? section.type),
    leader: textOrNull(get(at.leader)),
    title,
    participants: participantsText === null ? null : parseParticipants(participantsValue),
    summary,
    publication: textOrNull(get(at.publication)),
    materials: textOrNull(get(at.materials)),
    filledBy: textOrNull(get(at.filledBy)),
    remarks: textOrNull(get(at.remarks)),
    liaisonPointText: pointText,
    dateText: parsed.ok && dateValue instanceof Date ? parsed.date : textOrNull(dateValue),
    typeText,
    participantsText,
  };
}

// A type cell that names no activity (规定动作, a category) leaves it to the title or summary.
function typeOf(typeText: string | null, title: string | null, summary: string | null): TrackerRecord['type'] {
  if (typeText === null) return null;
  const c = classifyActivity(typeText);
  return c.recognised ? c.type : (typeFromTexts(title, summary) ?? 'other');
}

// Without a type column the title (then the summary) says what the activity was, when it says it.
function typeFromTexts(title: string | null, summary: string | null): TrackerRecord['type'] {
  for (const t of [title, summary]) {
    if (t === null) continue;
    const c = classifyActivity(t);
    if (c.recognised) return c.type;
  }
  return null;
}

/** Finds the sheet holding a tracker (the most convincing header; our own status sheet excluded)
 *  and reads it. When other sheets hold records under a header mapping the same fields (a sheet
 *  per month), they are one tracker: every such sheet is read (each with its own header row and
 *  columns) and each record carries its sheet. With `opts.sheet`, reads only that sheet. */
export function findTracker(sheets: SheetGrid[], campaign: Campaign, opts: { sheet?: string; file?: string } = {}): TrackerRead | null {
  if (!Array.isArray(sheets)) return null;
  if (opts.sheet !== undefined) {
    const wanted = opts.sheet.trim();
    const sheet = sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.trim() === wanted);
    return sheet ? (readTracker(sheet.grid, campaign, sheetFacts(sheet)) ?? readHeaderlessSheet(sheet, campaign, opts.file)) : null;
  }
  const candidates: (SheetGrid & { score: number })[] = [];
  for (const s of sheets) {
    if (!s || s.name === STATUS_SHEET_NAME) continue;
    const header = detectHeader(s.grid);
    if (header) candidates.push({ ...s, score: header.score });
  }
  const best = candidates.reduce<(typeof candidates)[number] | null>((top, c) => (!top || c.score > top.score ? c : top), null);
  const read = best && readTracker(best.grid, campaign, sheetFacts(best));
  // Without a header naming dates and types anywhere: a progress matrix or a log of sentences.
  if (!read) return readHeaderless(sheets, campaign, opts.file);
  const others = candidates
    .filter((c) => c !== best)
    .map((c) => readTracker(c.grid, campaign, sheetFacts(c)))
    .filter((r): r is TrackerRead => (r?.records.length ?? 0) > 0);
  const fields = fieldSet(read.columns);
  const same = read.records.length > 0 ? withoutCopies(read, others.filter((r) => fieldSet(r.columns) === fields)) : [];
  // Sheets under a header mapping other fields may not hold the same kind of table, and copies (a
  // 汇总 sheet beside the monthly ones) would count twice: named, not read.
  const otherSheets = others.filter((r) => !same.includes(r)).map((r) => r.sheet);
  const inOrder = (r: TrackerRead) => candidates.findIndex((c) => c.name === r.sheet);
  const merged = same.length > 0 ? mergeParts([read, ...same].sort((a, b) => inOrder(a) - inOrder(b))) : read;
  return otherSheets.length > 0 ? { ...merged, otherSheets } : merged;
}

/** What makes two records the same activity, whichever sheet holds them. */
function activityKey(r: TrackerRecord): string {
  return [r.liaisonPointId, r.date, r.type, r.title].join('|');
}

/** The sheets that add activities to `first`: a sheet most of whose records are already there (a
 *  summary or a copy of the months) is left out, so nothing counts twice. */
function withoutCopies(first: TrackerRead, candidates: TrackerRead[]): TrackerRead[] {
  const seen = new Set(first.records.map(activityKey));
  const kept: TrackerRead[] = [];
  for (const read of candidates) {
    const keys = read.records.map(activityKey);
    if (keys.filter((k) => seen.has(k)).length * 2 > keys.length) continue;
    for (const k of keys) seen.add(k);
    kept.push(read);
  }
  return kept;
}

/** The fields a column map names, as one comparable string. */
function fieldSet(columns: ColumnMap): string {
  return FIELD_KEYS.filter((f) => columns[f] !== undefined).join(',');
}

/** One tracker of several sheets' reads (in workbook order): the first sheet's layout, every
 *  record marked with its sheet, and each sheet's layout in `parts`. */
function mergeParts(reads: TrackerRead[]): TrackerRead {
  const [first] = reads;
  return {
    ...first,
    records: reads.flatMap((r) => r.records.map((record) => ({ sheet: r.sheet, ...record }))),
    parts: reads.map(({ sheet, headerRow, columns, headers }) => ({ sheet, headerRow, columns, headers })),
  };
}
