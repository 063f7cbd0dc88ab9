// The shape of a JSON submission, checked field by field so a wrong body is refused with the
// path of what is wrong. What the values MEAN (dates in the period, known points…) is judged by
// shared/'s validateRecords afterwards, and reported as record issues rather than refused.
import { ACTIVITY_STATUSES, FIELD_TEXT_LIMITS, TYPE_CODES, isIsoDate, matchLiaisonPoint, parseColumnMap, type Campaign, type ColumnMap, type TrackerPart, type TrackerRecord, type TypeCode } from '../../shared';
import { isIsoMonth } from '../../shared/calendar';
import { badRequest } from './http/responses';
import { LIMITS } from './limits';

export interface SubmissionInput {
  campaignId: string;
  provinceId: string;
  month: string;
  records: TrackerRecord[];
  columns: ColumnMap;
  source?: { file?: string; sheet?: string };
  /** An uploaded .xlsx tracker kept a sheet per month: each sheet's columns (never from JSON). */
  parts?: TrackerPart[];
}

const MAX_ID = 100;
/** Excel's last row. */
const MAX_ROW = 1_048_576;
const MAX_SOURCE = 500;
const TEXT_FIELDS = ['liaisonPointId', 'leader', 'title', 'summary', 'publication', 'materials', 'filledBy', 'remarks'] as const;
const RAW_FIELDS = ['liaisonPointText', 'dateText', 'typeText'] as const;

type Json = Record<string, unknown>;

function invalid(path: string, zhExpected: string, enExpected: string) {
  return badRequest(
    'invalid-body',
    `字段 ${path} 无效：应为${zhExpected}。`,
    `Field ${path} is invalid: expected ${enExpected}.`,
    { path },
  );
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function requireId(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID) {
    throw invalid(path, `非空字符串（最多 ${MAX_ID} 个字符）`, `a non-empty string of at most ${MAX_ID} characters`);
  }
  return value.trim();
}

export function requireMonth(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isIsoMonth(value)) throw invalid(path, '「YYYY-MM」格式的月份，如 2017-05', 'a month as YYYY-MM, e.g. 2017-05');
  return value;
}

/** A text field within its limit (shared FIELD_TEXT_LIMITS: the same bound as an uploaded tracker's). */
function text(rec: Json, field: keyof typeof FIELD_TEXT_LIMITS, path: string): string | null {
  const v = rec[field];
  const max = FIELD_TEXT_LIMITS[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > max) throw invalid(`${path}.${field}`, `字符串或 null（最多 ${max} 个字符）`, `a string (at most ${max} characters) or null`);
  return v;
}

function record(value: unknown, i: number): TrackerRecord {
  const path = `records[${i}]`;
  if (!isObject(value)) throw invalid(path, '对象', 'an object');
  const row = value.row;
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 1 || row > MAX_ROW) {
    throw invalid(`${path}.row`, `1 至 ${MAX_ROW} 的整数（台账中的行号）`, `an integer from 1 to ${MAX_ROW} (the sheet row)`);
  }
  const date = value.date ?? null;
  if (date !== null && (typeof date !== 'string' || !isIsoDate(date))) throw invalid(`${path}.date`, '「YYYY-MM-DD」格式的日期或 null', 'a date as YYYY-MM-DD or null');
  const type = value.type ?? null;
  if (type !== null && !(TYPE_CODES as readonly unknown[]).includes(type)) {
    throw invalid(`${path}.type`, `活动类型代码（${TYPE_CODES.join('、')}）或 null`, `an activity type code (${TYPE_CODES.join(', ')}) or null`);
  }
  const participants = value.participants ?? null;
  if (participants !== null && (typeof participants !== 'number' || !Number.isFinite(participants))) {
    throw invalid(`${path}.participants`, '数字或 null', 'a number or null');
  }
  // A tracker kept a sheet per month numbers its rows per sheet: the sheet says which row 3.
  const sheet = optionalName(value.sheet, `${path}.sheet`);
  const out = { ...(sheet === undefined ? {} : { sheet }), row, date, type: type as TypeCode | null, participants } as TrackerRecord;
  for (const field of TEXT_FIELDS) out[field] = text(value, field, path);
  for (const field of RAW_FIELDS) if (field in value) out[field] = text(value, field, path);
  // A cancelled, postponed or planned activity must stay so, or it would count once stored.
  const status = value.status ?? undefined;
  if (status !== undefined && !(ACTIVITY_STATUSES as readonly unknown[]).includes(status)) {
    throw invalid(`${path}.status`, `活动状态（${ACTIVITY_STATUSES.join('、')}）或省略`, `an activity status (${ACTIVITY_STATUSES.join(', ')}) or absent`);
  }
  if (status !== undefined && status !== 'done') out.status = status as TrackerRecord['status'];
  for (const field of ['statusText', 'statusColumn'] as const) {
    const v = out.status === undefined ? null : text(value, field, path);
    if (v !== null) out[field] = v;
  }
  return out;
}

function columns(value: unknown): ColumnMap {
  if (value === undefined || value === null) return {};
  const parsed = parseColumnMap(value);
  if (parsed.ok) return parsed.columns;
  if (parsed.path === 'columns') throw invalid('columns', '对象（字段 → 列字母）', 'an object (field → column letter)');
  throw invalid(parsed.path, '已知字段对应的列字母（如 "C"）', 'a known field mapped to a column letter such as "C"');
}

/** An optional name (file, sheet) given in the body's `source` or in the query of an .xlsx upload. */
export function optionalName(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > MAX_SOURCE) throw invalid(path, `字符串（最多 ${MAX_SOURCE} 个字符）`, `a string of at most ${MAX_SOURCE} characters`);
  return value;
}

function sourceOf(value: unknown): SubmissionInput['source'] {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalid('source', '对象 { file, sheet }', 'an object { file, sheet }');
  const out: { file?: string; sheet?: string } = {};
  for (const key of ['file', 'sheet'] as const) {
    const v = optionalName(value[key], `source.${key}`);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function tooManyRecords(count: number) {
  return badRequest(
    'too-many-records',
    `一次报送最多 ${LIMITS.recordsPerSubmission} 条记录，本次有 ${count} 条。`,
    `A submission holds at most ${LIMITS.recordsPerSubmission} records; this one has ${count}.`,
    { path: 'records', limit: LIMITS.recordsPerSubmission, count },
  );
}

export function parseSubmissionJson(value: unknown): SubmissionInput {
  if (!isObject(value)) throw invalid('（请求体）', 'JSON 对象', 'a JSON object');
  const records = value.records;
  if (!Array.isArray(records)) throw invalid('records', '数组', 'an array');
  if (records.length > LIMITS.recordsPerSubmission) throw tooManyRecords(records.length);
  return {
    campaignId: requireId(value.campaignId, 'campaignId'),
    provinceId: requireId(value.provinceId, 'provinceId'),
    month: requireMonth(value.month, 'month'),
    records: records.map(record),
    columns: columns(value.columns),
    source: sourceOf(value.source),
  };
}

/** A JSON record may name its point by something other than the id (or by an id of another
 *  campaign): read it as the tracker reader would, keeping the text so the checker can quote it. */
export function resolvePoints(records: TrackerRecord[], campaign: Campaign): TrackerRecord[] {
  const ids = new Set(campaign.points.map((p) => p.id));
  const memo = new Map<string, string | null>();
  return records.map((r) => {
    if (r.liaisonPointId === null || ids.has(r.liaisonPointId)) return r;
    const text = r.liaisonPointId;
    if (!memo.has(text)) memo.set(text, matchLiaisonPoint(text, campaign)?.id ?? null);
    return { ...r, liaisonPointId: memo.get(text) ?? null, liaisonPointText: r.liaisonPointText ?? text };
  });
}
