// The central office's view of a month, from what provinces submitted. Per province the current
// snapshot follows shared/snapshots.ts (newest version of the latest month ≤ M it submitted), and
// each province's status names that snapshot (month, version, records); completeness is as of M's
// last day; a province without a submission FOR month M is 未报送 even when an older snapshot
// still counts; a province's records count only for its own (or coordinated) points.
import type { AggregatePoint, AggregateRecord, AggregateResponse, LeanAggregate, ProvinceSubmissionStatus } from './api';
import { currentSnapshotOf, type SnapshotRef } from './snapshots';
import { monthEnd } from './calendar';
import { computeCompleteness } from './completeness';
import { isLate } from './deadlines';
import type { Campaign, IsoMonth, Issue, TrackerRecord, TypeCode } from './types';

export type { SnapshotRef } from './snapshots';

export interface SnapshotRecords {
  snapshot: SnapshotRef;
  records: { record: TrackerRecord; issues: Issue[] }[];
}

/** Every province's status for `month`, and the snapshots that are current then (whose records to read). */
export function currentSnapshots(
  campaign: Campaign,
  month: IsoMonth,
  versions: readonly SnapshotRef[],
): { provinces: ProvinceSubmissionStatus[]; current: SnapshotRef[] } {
  const provinces: ProvinceSubmissionStatus[] = [];
  const current: SnapshotRef[] = [];
  for (const province of campaign.provinces) {
    const ofMonth = currentSnapshotOf(versions.filter((v) => v.month === month), province.id, month);
    provinces.push({
      provinceId: province.id,
      name: province.name,
      submitted: ofMonth !== undefined,
      version: ofMonth?.version ?? null,
      submittedAt: ofMonth?.submittedAt ?? null,
      late: ofMonth ? isLate(month, ofMonth.submittedAt, campaign.submissionDueDay) : false,
    });
    const snapshot = currentSnapshotOf(versions, province.id, month);
    if (snapshot) current.push(snapshot);
  }
  return { provinces, current };
}

export function buildAggregate(
  campaign: Campaign,
  month: IsoMonth,
  provinces: ProvinceSubmissionStatus[],
  snapshots: readonly SnapshotRecords[],
): AggregateResponse {
  const asOf = monthEnd(month);
  // Sheet rows repeat across provinces (and across the sheets of one tracker), so completeness sees
  // each record under its position in `records` (1-based), without its sheet, and each issue moved
  // along with its record.
  const records: AggregateRecord[] = [];
  const positioned: TrackerRecord[] = [];
  const positionedIssues: Issue[] = [];
  const provinceAt: string[] = [];
  for (const { snapshot, records: stored } of snapshots) {
    for (const { record, issues } of stored) {
      records.push({ ...record, provinceId: snapshot.provinceId, submissionId: snapshot.submissionId, issues });
      const position = records.length;
      provinceAt[position] = snapshot.provinceId;
      positioned.push(withoutSheet({ ...record, row: position }));
      for (const issue of issues) positionedIssues.push(withoutSheet({ ...issue, row: position }));
    }
  }
  const used = new Map(snapshots.map((s) => [s.snapshot.provinceId, s]));
  const withSnapshots = provinces.map((p): ProvinceSubmissionStatus => {
    const s = used.get(p.provinceId);
    return {
      ...p,
      snapshot: s
        ? { month: s.snapshot.month, version: s.snapshot.version, submissionId: s.snapshot.submissionId, recordCount: s.records.length }
        : null,
    };
  });
  // What counts is the core's one rule; a province's records count only for its own (or
  // coordinated) points, also in versions stored before submissions were checked for that.
  const completeness = computeCompleteness(positioned, positionedIssues, campaign, {
    asOf,
    pointIds: campaign.points.map((p) => p.id),
    provinceOf: (r) => provinceAt[r.row],
  });
  const provinceName = new Map(campaign.provinces.map((p) => [p.id, p.name]));
  const points: AggregatePoint[] = completeness.map((c) => ({ ...c, provinceName: provinceName.get(c.provinceId) ?? c.provinceId }));
  const countsByType: Partial<Record<TypeCode, number>> = {};
  for (const p of points) {
    for (const [type, n] of Object.entries(p.countsByType) as [TypeCode, number][]) countsByType[type] = (countsByType[type] ?? 0) + n;
  }
  return { campaignId: campaign.id, month, asOf, points, provinces: withSnapshots, records, countsByType };
}

function withoutSheet<T extends { sheet?: string }>(item: T): T {
  const { sheet: _sheet, ...rest } = item;
  return rest as T;
}

/**
 * The aggregate without its records: the point × requirement matrix, statuses and counts, whose
 * size grows with points and months, not with records (102,000 records made a 35 MiB aggregate).
 * `requirements[].rows` (positions in `records`) are emptied; the records come in pages.
 */
export function leanAggregate(full: AggregateResponse): LeanAggregate {
  const { records, points, ...rest } = full;
  return {
    ...rest,
    points: points.map((p) => ({ ...p, requirements: p.requirements.map((r) => ({ ...r, rows: [] })) })),
    recordCount: records.length,
  };
}
