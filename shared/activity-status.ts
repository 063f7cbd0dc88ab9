// Whether a tracker row's activity happened: done, cancelled, postponed or planned, read from the
// words people write (已取消, 延期, 拟于…, 待定, 已完成 …) in a status column (完成情况, 状态 …), the
// remarks, the date or type cell, or the row's own texts.
//
// Rule (documented, tested). Texts are normalised first (traditional → simplified, full-width →
// half-width, no spaces), then scanned for the longest marker at each position (MARKERS), so
// 尚未开展 is not 未开展 and 按计划 is not 计划. Within a clause (split at ，。；), a marker that the
// activity did not happen beats a word that it did (计划5月完成 is planned), and a history marker
// (原计划, 原定) leaves the clause saying nothing. Across clauses the last one that says something
// decides (原计划3月，已于4月举办 is done; 已取消，改期另行通知 postponed); bracketed asides decide only
// when the rest says nothing. Across cells, the first source that says something decides, in the
// order of SOURCES: a status column's 已完成 outweighs a remark's history.
import { cellText, isBlank } from './cells';
import { columnIndex, columnLetter } from './columns';
import { remember } from './memo';
import { normalizeText } from './text';
import type { ActivityStatus, CellValue, ColumnMap, FieldKey, TrackerRecord } from './types';

type Kind = ActivityStatus | 'history' | 'neutral';

// Simplified forms; traditional and full-width texts match after normalisation.
const MARKERS: Record<Kind, string[]> = {
  cancelled: [
    '取消', '未举办', '未举行', '未开展', '未召开', '未进行', '未能举办', '未能举行', '未能开展', '未能成行',
    '未成行', '没有举办', '没有开展', '没有举行', '没举办', '停办', '作罢', '不再举办', '不再开展', '不再举行', '因故未',
  ],
  postponed: ['延期', '推迟', '改期', '暂缓', '延后', '顺延', '推后', '另行通知', '另行安排', '择期', '待定期', '挪后'],
  planned: [
    '计划', '拟', '待定', '将于', '预计', '预定', '准备于', '筹备中', '待开展', '待举办', '待安排', '待落实', '尚未', '还未', '暂未',
    '未完成', '没有完成', '未开始', '尚未开始', '下一步',
  ],
  done: [
    '完成', '举办', '举行', '召开', '开展', '实施', '落实', '办结', '已进行', '已办', '已于', '已经', '如期', '按期', '按时', '圆满',
    '顺利',
  ],
  // What was planned before it happened: says nothing of what became of it.
  history: ['原计划', '原定', '原拟', '原于', '原安排', '本计划'],
  // Longer words holding a marker without meaning it.
  neutral: [
    '按计划', '按照计划', '依计划', '计划内', '计划外', '计划生育', '计划经济', '计划单列', '工作计划', '年度计划', '学习计划',
    '活动计划', '实施计划', '行动计划', '培训计划', '发展计划', '五年计划', '教学计划', '拟定', '草拟', '模拟', '虚拟', '比拟',
    '未延期', '无延期', '没有延期', '不延期', '未推迟', '未取消', '没有取消', '不取消', '无取消', '未改期', '取消了原', '取消原',
  ],
};

// A status column's whole cell: a tick or 是 says done, a cross or 否 says not (yet).
const WHOLE_CELL: Record<string, ActivityStatus> = {
  '√': 'done', '✓': 'done', '✔': 'done', '是': 'done', '已': 'done', '有': 'done', yes: 'done', y: 'done', done: 'done', ok: 'done',
  '×': 'planned', '✗': 'planned', '✘': 'planned', '否': 'planned', '未': 'planned', no: 'planned', n: 'planned',
};

// Header words of a column that says what became of the activity.
const STATUS_HEADERS = ['完成情况', '完成状态', '是否完成', '完成与否', '状态', '进展', '进度', '执行情况', '办理情况', '是否开展', '是否举办', '开展与否', 'status', 'progress'];

// Traditional forms of the characters the markers begin with, so a description can be passed over
// cheaply when it holds no marker (most titles and summaries) without converting it whole.
const TRADITIONAL: Record<string, string> = {
  舉: '举', 辦: '办', 開: '开', 進: '进', 沒: '没', 罷: '罢', 遲: '迟', 暫: '暂', 緩: '缓', 後: '后', 順: '顺', 擇: '择', 計: '计',
  劃: '划', 畫: '划', 擬: '拟', 將: '将', 於: '于', 預: '预', 準: '准', 備: '备', 籌: '筹', 還: '还', 實: '实',
};

const LEXICON = new Map<string, Kind>();
for (const [kind, words] of Object.entries(MARKERS) as [Kind, string[]][]) for (const w of words) LEXICON.set(normalizeText(w), kind);
const LONGEST = Math.max(...[...LEXICON.keys()].map((w) => w.length));

/** By the char code of their first character, the second characters (0 for a one-character
 *  marker) of every marker saying the activity did not happen: a description holding none of these
 *  pairs says nothing, and is passed over without being normalised. */
const NOT_DONE_STARTS = new Map<number, Set<number>>();
for (const kind of ['cancelled', 'postponed', 'planned'] as const) {
  for (const w of MARKERS[kind]) {
    const start = normalizeText(w);
    let seconds = NOT_DONE_STARTS.get(start.charCodeAt(0));
    if (!seconds) NOT_DONE_STARTS.set(start.charCodeAt(0), (seconds = new Set()));
    seconds.add(start.length > 1 ? start.charCodeAt(1) : 0);
  }
}
const SIMPLIFIED = new Map(Object.entries(TRADITIONAL).map(([t, s]) => [t.charCodeAt(0), s.charCodeAt(0)]));

function mayMarkNotDone(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const seconds = NOT_DONE_STARTS.get(SIMPLIFIED.get(code) ?? code);
    if (!seconds) continue;
    const next = text.charCodeAt(i + 1);
    if (seconds.has(0) || seconds.has(SIMPLIFIED.get(next) ?? next)) return true;
  }
  return false;
}

const CLAUSE = /[,，。;；!！?？\n]+/u;
const ASIDE = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/gu;

/** What one clause says: a non-done marker beats done, history silences it. */
function clauseStatus(clause: string): ActivityStatus | null {
  const found = new Set<Kind>();
  for (let i = 0; i < clause.length; ) {
    let hit: [string, Kind] | null = null;
    for (let n = Math.min(LONGEST, clause.length - i); n >= 1 && !hit; n--) {
      const word = clause.slice(i, i + n);
      const kind = LEXICON.get(word);
      if (kind) hit = [word, kind];
    }
    if (hit) {
      found.add(hit[1]);
      i += hit[0].length;
    } else i++;
  }
  for (const kind of ['cancelled', 'postponed', 'planned'] as const) if (found.has(kind)) return kind;
  if (found.has('history')) return null;
  return found.has('done') ? 'done' : null;
}

/** The last clause that says something, and where it is. */
function lastSaying(clauses: string[]): { status: ActivityStatus; at: number } | null {
  for (let i = clauses.length - 1; i >= 0; i--) {
    const status = clauseStatus(clauses[i]);
    if (status) return { status, at: i };
  }
  return null;
}

// A description goes on to what comes next (…，计划下半年再次开展调研): a plan there is not this
// activity's, so in a description only an opening clause (after a date, say) can make it planned.
const OPENING_CLAUSES = 2;

const cache = new Map<string, ActivityStatus | null>();
const descriptionCache = new Map<string, ActivityStatus | null>();

function statusOf(text: string, description: boolean): ActivityStatus | null {
  const key = normalizeText(text);
  if (key === '') return null;
  const asides = key.match(ASIDE) ?? [];
  const main = lastSaying(key.replace(ASIDE, ',').split(CLAUSE).filter((c) => c !== ''));
  if (main && !(description && main.status === 'planned' && main.at >= OPENING_CLAUSES)) return main.status;
  if (main) return null;
  return lastSaying(asides.map((a) => a.slice(1, -1)).flatMap((a) => a.split(CLAUSE)))?.status ?? null;
}

/** What a short text (a status cell, a remark) says of the activity; null when it says nothing. */
export function statusOfText(text: string): ActivityStatus | null {
  return remember(cache, text, () => statusOf(text, false));
}

/** As statusOfText, for a text describing the activity (type, title, summary); there only words
 *  that it did not happen are looked for. */
export function statusOfDescription(text: string): ActivityStatus | null {
  return mayMarkNotDone(text) ? remember(descriptionCache, text, () => statusOf(text, true)) : null;
}

/** 0-based columns whose header says what became of the activity (完成情况, 状态 …). */
export function statusColumns(headers: Record<string, string>): number[] {
  const out: number[] = [];
  for (const [letter, text] of Object.entries(headers)) {
    const key = normalizeText(text);
    if (STATUS_HEADERS.some((h) => key.includes(normalizeText(h)))) out.push(columnIndex(letter));
  }
  return out.sort((a, b) => a - b);
}

/** Where the status is looked for, first to last. A status column and the remarks say what became
 *  of the activity; the date cell can hold 待定 or 拟于5月; the type, title and summary name the
 *  activity (举办专题讲座), so there only words that it did not happen count. */
const SOURCES: { field: FieldKey | 'status'; descriptive: boolean }[] = [
  { field: 'status', descriptive: false },
  { field: 'remarks', descriptive: false },
  { field: 'date', descriptive: false },
  { field: 'type', descriptive: true },
  { field: 'title', descriptive: true },
  { field: 'summary', descriptive: true },
];

export interface StatusRead {
  status: ActivityStatus;
  /** The cell text it was read from, as written. */
  text: string;
  /** 0-based column. */
  column: number;
}

/** Reads the status rows state, for a tracker whose fields are at `columns` and whose status
 *  columns are `statusCols`: the cells to look at are worked out once. */
export function statusReader(columns: ColumnMap, statusCols: readonly number[]): (row: readonly CellValue[]) => StatusRead | null {
  const cells: { column: number; isStatus: boolean; descriptive: boolean }[] = [];
  for (const source of SOURCES) {
    const cols = source.field === 'status' ? statusCols : columnOf(columns, source.field);
    for (const column of cols) cells.push({ column, isStatus: source.field === 'status', descriptive: source.descriptive });
  }
  return (row) => {
    for (const { column, isStatus, descriptive } of cells) {
      const v = row[column];
      if (typeof v !== 'string' || isBlank(v)) continue;
      const text = cellText(v);
      const whole = isStatus ? WHOLE_CELL[normalizeText(text)] : undefined;
      const status = whole ?? (descriptive ? statusOfDescription(text) : statusOfText(text));
      if (status === null || (status === 'done' && descriptive)) continue;
      return { status, text, column };
    }
    return null;
  };
}

function columnOf(columns: ColumnMap, field: FieldKey): number[] {
  const letter = columns[field];
  return typeof letter === 'string' && /^[A-Za-z]{1,3}$/.test(letter.trim()) ? [columnIndex(letter)] : [];
}

/** The record fields of a row's status, by a statusReader: empty when the activity is done (a
 *  record without a status is done), so records of rows that say nothing keep their shape. */
export function statusFields(read: StatusRead | null): Pick<TrackerRecord, 'status' | 'statusText' | 'statusColumn'> {
  if (!read || read.status === 'done') return {};
  return { status: read.status, statusText: read.text, statusColumn: columnLetter(read.column) };
}
