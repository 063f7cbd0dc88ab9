// Completeness per liaison point: which requirements are met, by which records, what is missing.
import { rowKey } from './row-key';
import type { Campaign, IsoDate, Issue, PointCompleteness, RequirementStatus, TrackerRecord, TypeCode } from './types';

/** Only records without error issues, dated within the period and not after `asOf`, count.
 *  Points: `pointIds`, or those occurring in the records; output in the campaign's point order. */
export function computeCompleteness(
  records: TrackerRecord[],
  issues: Issue[],
  campaign: Campaign,
  opts: { asOf?: IsoDate; pointIds?: string[] } = {},
): PointCompleteness[] {
  // By sheet and row: an error on row 3 of 2月 says nothing about row 3 of 3月.
  const errorRows = new Set<string>();
  for (const i of issues) if (i.severity === 'error') errorRows.add(rowKey(i));
  const { start, end } = campaign.period;
  const wanted = new Set<string>(opts.pointIds ?? []);
  if (!opts.pointIds) for (const r of records) if (r.liaisonPointId !== null) wanted.add(r.liaisonPointId);
  const counting = new Map<string, TrackerRecord[]>();
  for (const r of records) {
    if (r.liaisonPointId === null || !wanted.has(r.liaisonPointId) || errorRows.has(rowKey(r))) continue;
    if (r.date === null || r.type === null || r.date < start || r.date > end) continue;
    if (opts.asOf !== undefined && r.date > opts.asOf) continue;
    let list = counting.get(r.liaisonPointId);
    if (!list) counting.set(r.liaisonPointId, (list = []));
    list.push(r);
  }
  const out: PointCompleteness[] = [];
  for (const point of campaign.points) {
    if (!wanted.has(point.id)) continue;
    const list = inDateOrder(counting.get(point.id) ?? []);
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
    out.push({
      liaisonPointId: point.id,
      name: point.name,
      provinceId: point.provinceId,
      complete: missing.length === 0,
      missing,
      requirements,
      countsByType,
      lastActivityDate: list.length ? list[list.length - 1].date : null,
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
