// Reading tracker records from a sheet's grid of cell values (Excel's `range.values` or an .xlsx
// reader's), skipping what is not an activity: titles, blank rows, repeated headers, totals, notes.
import { campaignYear } from './campaign';
import { cellText, isBlank, plainRow, textOrNull } from './cells';
import { classifyActivity } from './classify';
import { columnIndex } from './columns';
import { parseDate } from './dates';
import { detectHeader, mapHeaderRow } from './headers';
import { matchLiaisonPoint } from './match';
import { parseParticipants } from './participants';
import { STATUS_SHEET_NAME } from './status-sheet';
import { FIELD_KEYS } from './types';
import type { Campaign, CellValue, ColumnMap, FieldKey, Grid, TrackerRead, TrackerRecord } from './types';

const TOTALS = /^(合|總|总|小|共)\s*(计|計)/u;
const NOTES = /^(填表说明|填報說明|填报说明|填表說明|注意事项|注意事項|(说明|說明|注|註|备注|備註|附注|附註|注意)\s*[:：1１一①(（])/u;
const FOOTER = /^(填表人|填报人|填報人|制表人|製表人|审核人|審核人|负责人|負責人|联系人|聯繫人|联系电话|聯繫電話|电话|電話|填报单位|填報單位|填表日期|填报日期|填報日期|制表日期|製表日期|报送日期|報送日期)\s*[:：]/u;
const SEQUENCE = /^\d{1,4}[.、]?$/;
const TOTALS_START = new Set([...'合總总小共']);
// First characters of the markers above, so ordinary rows skip the regular expressions.
const MARKER_START = new Set([...'合總总小共填注註说說备備附制製审審负負联聯电電报報']);

export interface ReadOptions {
  sheet?: string;
  /** A header row the user chose (1-based); overrides detection. */
  headerRow?: number;
  /** A column mapping the user corrected; overrides detection. */
  columns?: ColumnMap;
}

interface Layout {
  headerRow: number;
  columns: ColumnMap;
  headers: Record<string, string>;
}

function layout(grid: Grid, opts: ReadOptions): Layout | null {
  if (opts.headerRow !== undefined && Number.isInteger(opts.headerRow) && opts.headerRow >= 1) {
    const mapped = mapHeaderRow(grid, opts.headerRow);
    return { headerRow: opts.headerRow, columns: opts.columns ?? mapped.columns, headers: mapped.headers };
  }
  const detected = detectHeader(grid);
  if (opts.columns) {
    const headerRow = detected?.headerRow ?? 1;
    return { headerRow, columns: opts.columns, headers: detected?.headers ?? mapHeaderRow(grid, headerRow).headers };
  }
  return detected && { headerRow: detected.headerRow, columns: detected.columns, headers: detected.headers };
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
  const found = new Set<string>();
  const texts = [sheet];
  for (let r = 0; r < headerRow - 1 && r < grid.length; r++) {
    for (const v of plainRow(grid[r] ?? [])) if (typeof v === 'string' && v.trim() !== '') texts.push(v);
  }
  for (const t of texts) {
    const point = matchLiaisonPoint(t, campaign);
    if (point) found.add(point.id);
  }
  return found.size === 1 ? found.values().next().value! : null;
}

type RowKind = 'record' | 'skip' | 'notes';

function classifyRow(row: CellValue[], indexes: [FieldKey, number][], headerTexts: Map<number, string>, inNotes: boolean): RowKind {
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
    if (TOTALS.test(firstText)) return 'skip';
    if (FOOTER.test(firstText)) return 'skip';
    if (NOTES.test(firstText) && nonEmpty === 1) return 'notes';
  }
  if (inNotes && nonEmpty === 1) return 'notes';
  if (nonEmpty === 1 && SEQUENCE.test(cellText(first))) return 'skip';
  let mapped = 0;
  let repeated = 0;
  for (const [, col] of indexes) {
    const v = row[col];
    if (isBlank(v)) continue;
    mapped++;
    const header = headerTexts.get(col);
    if (header !== undefined && typeof v === 'string' && v.trim() === header) repeated++;
    else if (typeof v === 'string' && TOTALS_START.has(v.trim().charAt(0)) && TOTALS.test(v.trim())) return 'skip';
  }
  if (mapped === 0) return 'skip';
  if (repeated >= 2 || (repeated === mapped && repeated > 0)) return 'skip';
  return 'record';
}

/** Reads the records of one sheet's grid. Null when no header is found (and none was given). */
export function readTracker(grid: Grid, campaign: Campaign, opts: ReadOptions = {}): TrackerRead | null {
  if (!Array.isArray(grid)) return null;
  const found = layout(grid, opts);
  if (!found) return null;
  const sheet = opts.sheet ?? '';
  const indexes = fieldIndexes(found.columns);
  const col = new Map(indexes);
  const headerTexts = new Map<number, string>();
  for (const [, c] of indexes) {
    const t = plainRow(grid[found.headerRow - 1] ?? [])[c];
    if (typeof t === 'string' && t.trim() !== '') headerTexts.set(c, t.trim());
  }
  const fallbackPointId = col.has('liaisonPoint') ? null : pointFromContext(grid, found.headerRow, campaign, sheet);
  const defaultYear = campaignYear(campaign);
  const records: TrackerRecord[] = [];
  let inNotes = false;
  const at = Object.fromEntries(FIELD_KEYS.map((f) => [f, col.get(f) ?? -1])) as Columns;
  for (let r = found.headerRow; r < grid.length; r++) {
    if (!Array.isArray(grid[r])) continue;
    const row = plainRow(grid[r]);
    const kind = classifyRow(row, indexes, headerTexts, inNotes);
    if (kind === 'notes') inNotes = true;
    if (kind !== 'record') continue;
    inNotes = false;
    records.push(toRecord(row, r + 1, at, fallbackPointId, campaign, defaultYear));
  }
  return { sheet, headerRow: found.headerRow, columns: found.columns, headers: found.headers, records };
}

/** 0-based column of each field, -1 when the tracker has none. */
type Columns = Record<FieldKey, number>;

function toRecord(row: CellValue[], rowNumber: number, at: Columns, fallbackPointId: string | null, campaign: Campaign, defaultYear: number): TrackerRecord {
  const get = (c: number): CellValue => (c < 0 ? null : row[c]);
  const pointText = textOrNull(get(at.liaisonPoint));
  const dateValue = get(at.date);
  const parsed = parseDate(dateValue, { defaultYear });
  const title = textOrNull(get(at.title));
  const summary = textOrNull(get(at.summary));
  const typeText = textOrNull(get(at.type));
  const participantsValue = get(at.participants);
  const participantsText = textOrNull(participantsValue);
  return {
    row: rowNumber,
    liaisonPointId: pointText === null ? fallbackPointId : (matchLiaisonPoint(pointText, campaign)?.id ?? null),
    date: parsed.ok ? parsed.date : null,
    type: at.type >= 0 ? (typeText === null ? null : classifyActivity(typeText).type) : typeFromTexts(title, summary),
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
 *  and reads it. With `opts.sheet`, reads only that sheet. */
export function findTracker(sheets: { name: string; grid: Grid }[], campaign: Campaign, opts: { sheet?: string } = {}): TrackerRead | null {
  if (!Array.isArray(sheets)) return null;
  if (opts.sheet !== undefined) {
    const wanted = opts.sheet.trim();
    const sheet = sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.trim() === wanted);
    return sheet ? readTracker(sheet.grid, campaign, { sheet: sheet.name }) : null;
  }
  let best: { name: string; grid: Grid; score: number } | null = null;
  for (const s of sheets) {
    if (!s || s.name === STATUS_SHEET_NAME) continue;
    const header = detectHeader(s.grid);
    if (header && (!best || header.score > best.score)) best = { name: s.name, grid: s.grid, score: header.score };
  }
  return best && readTracker(best.grid, campaign, { sheet: best.name });
}
