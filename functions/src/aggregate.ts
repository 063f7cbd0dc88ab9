// The central office's view of a month. Per province the current snapshot is its latest version
// (highest version number) for any month up to M; completeness is as of M's last day; a province
// without a submission FOR month M is 未报送 even when an older snapshot still counts.
import {
  computeCompleteness,
  type AggregatePoint,
  type AggregateRecord,
  type AggregateResponse,
  type Campaign,
  type Issue,
  type ProvinceSubmissionStatus,
  type TrackerRecord,
  type TypeCode,
} from '../../shared';
import { reportablePointIds } from '../../shared/campaign';
import { monthEnd } from '../../shared/calendar';
import { isLate } from '../../shared/deadlines';
import type { CurrentPointer, Repository } from './storage/repository';


function latest(pointers: CurrentPointer[]): CurrentPointer | undefined {
  return pointers.reduce<CurrentPointer | undefined>((best, p) => (!best || p.version > best.version ? p : best), undefined);
}

export async function buildAggregate(repo: Repository, campaign: Campaign, month: string): Promise<AggregateResponse> {
  const asOf = monthEnd(month);
  const pointers = await repo.listPointers(campaign.id);
  const provinces: ProvinceSubmissionStatus[] = [];
  const current: CurrentPointer[] = [];
  for (const province of campaign.provinces) {
    const mine = pointers.filter((p) => p.provinceId === province.id);
    const ofMonth = mine.find((p) => p.month === month);
    provinces.push({
      provinceId: province.id,
      name: province.name,
      submitted: ofMonth !== undefined,
      version: ofMonth?.version ?? null,
      submittedAt: ofMonth?.submittedAt ?? null,
      late: ofMonth ? isLate(month, ofMonth.submittedAt, campaign.submissionDueDay) : false,
    });
    const snapshot = latest(mine.filter((p) => p.month <= month));
    if (snapshot) current.push(snapshot);
  }
  const stored = await Promise.all(current.map((p) => repo.readRecords(p.submissionId)));

  // Sheet rows repeat across provinces, so completeness sees each record under its position in
  // `records` (1-based) and each issue moved along with its record.
  const records: AggregateRecord[] = [];
  const positioned: TrackerRecord[] = [];
  const positionedIssues: Issue[] = [];
  const reportable = new Map(campaign.provinces.map((p) => [p.id, reportablePointIds(campaign, p.id)]));
  stored.forEach((list, i) => {
    const mine = reportable.get(current[i].provinceId);
    for (const { record, issues } of list) {
      records.push({ ...record, provinceId: current[i].provinceId, submissionId: current[i].submissionId, issues });
      const position = records.length;
      // A province's snapshot counts only for its own (or coordinated) points, whatever it names.
      if (record.liaisonPointId !== null && !mine?.has(record.liaisonPointId)) continue;
      positioned.push({ ...record, row: position });
      for (const issue of issues) positionedIssues.push({ ...issue, row: position });
    }
  });
  const completeness = computeCompleteness(positioned, positionedIssues, campaign, {
    asOf,
    pointIds: campaign.points.map((p) => p.id),
  });
  const provinceName = new Map(campaign.provinces.map((p) => [p.id, p.name]));
  const points: AggregatePoint[] = completeness.map((c) => ({ ...c, provinceName: provinceName.get(c.provinceId) ?? c.provinceId }));
  const countsByType: Partial<Record<TypeCode, number>> = {};
  for (const p of points) {
    for (const [type, n] of Object.entries(p.countsByType) as [TypeCode, number][]) countsByType[type] = (countsByType[type] ?? 0) + n;
  }
  return { campaignId: campaign.id, month, asOf, points, provinces, records, countsByType };
}
