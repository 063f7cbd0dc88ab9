// Completeness per liaison point: which requirements are met, by which records, what is missing.
// Which records count is decided by shared/counting.ts alone.
import { countActivities, type CountedActivities } from './counting';
import { rowKey } from './row-key';
import type { Campaign, IsoDate, Issue, NotCountedReason, PointCompleteness, RequirementStatus, TrackerRecord, TypeCode } from './types';

export interface CompletenessOptions {
  asOf?: IsoDate;
  /** The points reported; those occurring in the records when absent. */
  pointIds?: string[];
  /** The province that submitted a record, when records come from submissions (see countActivities). */
  provinceOf?: (record: TrackerRecord) => string | undefined;
}

/** Every point's completeness by the counting rule (countActivities): records whose sheet and row
 *  carry an error issue do not count. Output in the campaign's point order. */
export function computeCompleteness(
  records: TrackerRecord[],
  issues: Issue[],
  campaign: Campaign,
  opts: CompletenessOptions = {},
): PointCompleteness[] {
  // By sheet and row: an error on row 3 of 2月 says nothing about row 3 of 3月.
  const errorRows = new Set<string>();
  for (const i of issues) if (i.severity === 'error') errorRows.add(rowKey(i));
  const pointIds = opts.pointIds ?? pointsOf(records);
  const counted = countActivities(records, campaign, {
    asOf: opts.asOf,
    pointIds,
    hasError: (r) => errorRows.size > 0 && errorRows.has(rowKey(r)),
    provinceOf: opts.provinceOf,
  });
  return tallyCompleteness(counted, campaign, pointIds);
}

function pointsOf(records: TrackerRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const r of records) if (r.liaisonPointId !== null) ids.add(r.liaisonPointId);
  return ids;
}

/** Completeness of `pointIds` (campaign order) from what countActivities decided counts. */
export function tallyCompleteness(counted: CountedActivities<TrackerRecord>, campaign: Campaign, pointIds: Iterable<string>): PointCompleteness[] {
  const wanted = new Set(pointIds);
  const byPoint = new Map<string, TrackerRecord[]>();
  for (const r of counted.counted) {
    let list = byPoint.get(r.liaisonPointId!);
    if (!list) byPoint.set(r.liaisonPointId!, (list = []));
    list.push(r);
  }
  const notCounted = new Map<string, Partial<Record<NotCountedReason, number>>>();
  for (const { record, reason } of counted.notCounted) {
    let tally = notCounted.get(record.liaisonPointId!);
    if (!tally) notCounted.set(record.liaisonPointId!, (tally = {}));
    tally[reason] = (tally[reason] ?? 0) + 1;
  }
  const out: PointCompleteness[] = [];
  for (const point of campaign.points) {
    if (!wanted.has(point.id)) continue;
    const list = inDateOrder(byPoint.get(point.id) ?? []);
    const countsByType: Partial<Record<TypeCode, number>> = {};
    for (const r of list) countsByType[r.type!] = (countsByType[r.type!] ?? 0) + 1;
    const requirements: RequirementStatus[] = campaign.requirements.map((req) => {
      const types = new Set<TypeCode>(req.types);
      const matching = list.filter((r) => types.has(r.type!));
      return {
        requirementId: req.id,
        done: matching.length >= req.minCount,
        rows: matching.map((r) => r.row),
        ...(matching.some((r) => r.sheet !== undefined) ? { sheets: matching.map((r) => r.sheet ?? '') } : {}),
        count: matching.length,
        firstDate: matching[0]?.date ?? null,
      };
    });
    const missing = requirements.filter((s) => !s.done).map((s) => s.requirementId);
    const skipped = notCounted.get(point.id);
    out.push({
      liaisonPointId: point.id,
      name: point.name,
      provinceId: point.provinceId,
      complete: missing.length === 0,
      missing,
      requirements,
      countsByType,
      lastActivityDate: list.length ? list[list.length - 1].date : null,
      ...(skipped ? { notCounted: skipped } : {}),
    });
  }
  return out;
}

// Records arrive in row order (sheet by sheet) and a tracker holds few distinct dates: bucket by
// date, then sort the dates (no comparator over every record), keeping sheet and row order within a day.
function inDateOrder(records: TrackerRecord[]): TrackerRecord[] {
  const sheetOrder = new Map<string | undefined, number>();
  for (const r of records) if (!sheetOrder.has(r.sheet)) sheetOrder.set(r.sheet, sheetOrder.size);
  const compare = (a: TrackerRecord, b: TrackerRecord) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.row - b.row;
  const byDate = new Map<string, TrackerRecord[]>();
  for (const r of records) {
    const bucket = byDate.get(r.date!);
    if (bucket) bucket.push(r);
    else byDate.set(r.date!, [r]);
  }
  const out: TrackerRecord[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const bucket = byDate.get(date)!;
    if (bucket.length > 1 && !isAscending(bucket, compare)) bucket.sort(compare);
    for (const r of bucket) out.push(r);
  }
  return out;
}

function isAscending(records: TrackerRecord[], compare: (a: TrackerRecord, b: TrackerRecord) => number): boolean {
  for (let i = 1; i < records.length; i++) if (compare(records[i], records[i - 1]) < 0) return false;
  return true;
}
