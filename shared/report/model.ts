// buildMonthlyReport: the monthly report's figures, computed from the aggregate's current records
// with the core's completeness rule (so the report, 完成情况 and the API can never disagree).
import { publicationOf } from '../publication';
import type { AggregateRecord, AggregateResponse, ProvinceSubmissionStatus } from '../api';
import { requiredTypes } from '../campaign';
import { computeCompleteness } from '../completeness';
import { TYPE_LABELS } from '../labels';
import { TYPE_CODES } from '../types';
import type { Campaign, IsoDate, IsoMonth, IssueCode, PointCompleteness, TypeCode } from '../types';
import { isIsoMonth, monthEnd, monthLabel, monthsBetween, monthStart, nextMonth } from '../calendar';
import { ReportError } from './errors';
import { writeNarrative } from './narrative';
import { explainPace, PACE_RULES, paceRuleInForce } from './pace';
import type {
  Completion,
  MonthCount,
  MonthlyReport,
  PaceRule,
  PointProgress,
  ProvinceReportStatus,
  SubmissionState,
  TypeCount,
} from './types';

export interface MonthlyReportOptions {
  /** The office's own text (办公室意见). */
  remarks?: string;
  /** ISO instant; defaults to now. */
  generatedAt?: string;
  /** Defaults to PACE_RULES. */
  paceRules?: readonly PaceRule[];
}

// Short names of the error issues, for the report's text (the full messages are in 汇总).
const ERROR_LABELS: Partial<Record<IssueCode, string>> = {
  'date-missing': '未填活动日期',
  'date-unreadable': '日期无法识别',
  'date-out-of-period': '日期不在活动期间内',
  'point-missing': '未填联系点',
  'point-unknown': '联系点无法识别',
  'point-other-province': '联系点不属于报送省份',
  'type-missing': '未填活动类型',
};

function errorKinds(records: AggregateRecord[]): MonthlyReport['errorKinds'] {
  const counts = new Map<IssueCode, number>();
  for (const r of records) {
    for (const code of new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.code))) {
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([code, count]) => ({ code, label: ERROR_LABELS[code] ?? code, count }))
    .sort((a, b) => b.count - a.count);
}

export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = { 'on-time': '按时报送', late: '逾期报送', missing: '未报送' };

function submissionState(status: ProvinceSubmissionStatus | undefined): SubmissionState {
  if (!status?.submitted) return 'missing';
  return status.late ? 'late' : 'on-time';
}

export function hasError(record: AggregateRecord): boolean {
  return record.issues.some((i) => i.severity === 'error');
}

/** A lecture counts as published when its 刊发情况 says where, not that it was not (无, 未刊发, 待刊发…). */
export function isPublished(publication: string | null): boolean {
  const text = (publication ?? '').trim();
  return text !== '' && !/^(无|否|未|暂未|尚未|待|没有|不|—|-|\/)/.test(text);
}

/** Records that count: no error, a point, dated within the period and no later than `asOf`. */
function countingRecords(records: AggregateRecord[], campaign: Campaign, asOf: IsoDate): AggregateRecord[] {
  return records.filter(
    (r) =>
      !hasError(r) &&
      r.liaisonPointId !== null &&
      r.date !== null &&
      r.date >= campaign.period.start &&
      r.date <= campaign.period.end &&
      r.date <= asOf,
  );
}

function completenessOf(counting: AggregateRecord[], campaign: Campaign, asOf: IsoDate): PointCompleteness[] {
  // Errored records are already out, so no issues are passed: rows of different provinces may collide.
  return computeCompleteness(counting, [], campaign, { asOf, pointIds: campaign.points.map((p) => p.id) });
}

/** Every point's completeness as of the aggregate's month end, by the same rule as the report. */
export function currentCompleteness(aggregate: AggregateResponse, campaign: Campaign): PointCompleteness[] {
  const asOf = monthEnd(aggregate.month);
  return completenessOf(countingRecords(aggregate.records, campaign, asOf), campaign, asOf);
}

function countBy<T>(items: T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function activitiesByType(
  monthRecords: AggregateRecord[],
  cumulative: AggregateRecord[],
  campaign: Campaign,
): TypeCount[] {
  const required = requiredTypes(campaign);
  const inMonth = countBy(monthRecords, (r) => r.type);
  const total = countBy(cumulative, (r) => r.type);
  // 'other' only appears when something was not recognised: a row of zeros there would puzzle readers.
  return TYPE_CODES.filter((t) => t !== 'other' || (total.get(t) ?? 0) > 0).map((type) => ({
    type,
    label: TYPE_LABELS[type].zh,
    required: required.has(type),
    month: inMonth.get(type) ?? 0,
    cumulative: total.get(type) ?? 0,
  }));
}

/** Counting activities per month, from the period's first month to the report month. */
function activitiesByMonth(cumulative: AggregateRecord[], campaign: Campaign, month: IsoMonth): MonthCount[] {
  const counts = countBy(cumulative, (r) => (r.date ? r.date.slice(0, 7) : null));
  const out: MonthCount[] = [];
  let total = 0;
  for (let m = campaign.period.start.slice(0, 7); m <= month && m <= campaign.period.end.slice(0, 7); m = nextMonth(m)) {
    const count = counts.get(m) ?? 0;
    total += count;
    out.push({ month: m, label: `${Number(m.slice(5, 7))}月`, count, cumulative: total });
  }
  return out;
}

/** Each campaign province's submission for the month, in campaign order. */
export function provinceStatuses(aggregate: AggregateResponse, campaign: Campaign): ProvinceReportStatus[] {
  const byProvince = new Map(aggregate.provinces.map((p) => [p.provinceId, p]));
  const records = countBy(aggregate.records, (r) => r.provinceId);
  const errors = countBy(aggregate.records.filter(hasError), (r) => r.provinceId);
  return campaign.provinces.map((province) => {
    const status = byProvince.get(province.id);
    const state = submissionState(status);
    return {
      provinceId: province.id,
      name: province.name,
      state,
      stateLabel: SUBMISSION_STATE_LABELS[state],
      submittedAt: status?.submittedAt ?? null,
      version: status?.version ?? null,
      snapshotLabel: snapshotLabel(aggregate.month, status),
      recordCount: records.get(province.id) ?? 0,
      errorRecordCount: errors.get(province.id) ?? 0,
    };
  });
}

/** Names the snapshot read for a province when it is not the month's own submission. */
function snapshotLabel(month: string, status: ProvinceSubmissionStatus | undefined): string | null {
  const s = status?.snapshot;
  if (!s || s.month === month) return null;
  return `${monthLabel(s.month)}第${s.version}版`;
}

function latest(instants: (string | null)[]): string | null {
  let best: string | null = null;
  for (const t of instants) if (t !== null && (best === null || Date.parse(t) > Date.parse(best))) best = t;
  return best;
}

function pointProgress(
  c: PointCompleteness,
  campaign: Campaign,
  monthCounts: Map<string, number>,
  provinces: ProvinceReportStatus[],
  inForce: PaceRule | null,
): PointProgress {
  const point = campaign.points.find((p) => p.id === c.liaisonPointId);
  const provinceIds = [c.provinceId, ...(point?.coordinatingProvinceIds ?? [])];
  const required = requiredTypes(campaign);
  const requirements = campaign.requirements.map((req) => {
    const status = c.requirements.find((s) => s.requirementId === req.id);
    const done = status?.done ?? false;
    return {
      requirementId: req.id,
      name: req.name,
      done,
      date: status?.firstDate ?? null,
      count: status?.count ?? 0,
      pace: done ? null : (inForce?.level ?? null),
    };
  });
  const optional = TYPE_CODES.filter((t) => !required.has(t) && (c.countsByType[t] ?? 0) > 0).map((type) => ({
    type,
    label: TYPE_LABELS[type].zh,
    count: c.countsByType[type] ?? 0,
  }));
  const missing = requirements.filter((r) => !r.done);
  return {
    liaisonPointId: c.liaisonPointId,
    name: c.name,
    provinceId: c.provinceId,
    provinceName: campaign.provinces.find((p) => p.id === c.provinceId)?.name ?? c.provinceId,
    leader: point?.leader ?? null,
    complete: missing.length === 0,
    requirements,
    missing: missing.map((r) => r.name),
    monthCount: monthCounts.get(c.liaisonPointId) ?? 0,
    cumulativeCount: Object.values(c.countsByType).reduce((sum, n) => sum + (n ?? 0), 0),
    optional,
    optionalCount: optional.reduce((sum, o) => sum + o.count, 0),
    lastActivityDate: c.lastActivityDate,
    lastSubmissionAt: latest(provinces.filter((p) => provinceIds.includes(p.provinceId)).map((p) => p.submittedAt)),
    pace: missing.length > 0 ? (inForce?.level ?? null) : null,
  };
}

const ratio = (done: number, due: number): number => (due === 0 ? 0 : done / due);

function completionOf(points: PointProgress[], campaign: Campaign): Completion {
  const byRequirement = campaign.requirements.map((req) => {
    const done = points.filter((p) => p.requirements.some((r) => r.requirementId === req.id && r.done)).length;
    return { requirementId: req.id, name: req.name, done, due: points.length, rate: ratio(done, points.length) };
  });
  const requirementsDone = byRequirement.reduce((sum, r) => sum + r.done, 0);
  const requirementsDue = byRequirement.reduce((sum, r) => sum + r.due, 0);
  const pointsComplete = points.filter((p) => p.complete).length;
  return {
    requirementsDone,
    requirementsDue,
    requirementRate: ratio(requirementsDone, requirementsDue),
    pointsComplete,
    pointCount: points.length,
    pointRate: ratio(pointsComplete, points.length),
    byRequirement,
  };
}

export function buildMonthlyReport(
  aggregate: AggregateResponse,
  campaign: Campaign,
  opts: MonthlyReportOptions = {},
): MonthlyReport {
  const month = aggregate.month;
  if (!isIsoMonth(month)) {
    throw new ReportError(
      'report-month-invalid',
      `月份「${month}」格式不正确，应为 YYYY-MM（如 2017-05）。`,
      `Month "${month}" is not YYYY-MM (e.g. 2017-05).`,
    );
  }
  if (aggregate.campaignId !== campaign.id) {
    throw new ReportError(
      'report-campaign-mismatch',
      `汇总数据属于活动「${aggregate.campaignId}」，与所选活动「${campaign.id}」不一致。`,
      `The aggregate is for campaign "${aggregate.campaignId}", not "${campaign.id}".`,
    );
  }
  const asOf = monthEnd(month);
  const start = monthStart(month);
  const rules = opts.paceRules ?? PACE_RULES;
  const monthsTotal = monthsBetween(campaign.period.start.slice(0, 7), campaign.period.end.slice(0, 7));
  const monthsElapsed = Math.min(
    monthsTotal,
    Math.max(0, monthsBetween(campaign.period.start.slice(0, 7), month)),
  );
  const inForce = paceRuleInForce(monthsElapsed / monthsTotal, rules);

  const cumulative = countingRecords(aggregate.records, campaign, asOf);
  const inMonth = cumulative.filter((r) => (r.date ?? '') >= start);
  const completeness = completenessOf(cumulative, campaign, asOf);
  const provinces = provinceStatuses(aggregate, campaign);
  const monthCounts = countBy(inMonth, (r) => r.liaisonPointId);
  const points = completeness.map((c) => pointProgress(c, campaign, monthCounts, provinces, inForce));
  const lectures = cumulative.filter((r) => r.type === 'lecture');

  const report: MonthlyReport = {
    campaignId: campaign.id,
    campaignName: campaign.name,
    month,
    monthLabel: monthLabel(month),
    monthStart: start,
    asOf,
    period: { ...campaign.period },
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    monthsElapsed,
    monthsTotal,
    activities: {
      byType: activitiesByType(inMonth, cumulative, campaign),
      monthTotal: inMonth.length,
      cumulativeTotal: cumulative.length,
      byMonth: activitiesByMonth(cumulative, campaign, month),
    },
    lectures: { held: lectures.length, published: lectures.filter((r) => isPublished(publicationOf(r))).length },
    completion: completionOf(points, campaign),
    points,
    provinces,
    notSubmitted: provinces.filter((p) => p.state === 'missing').map((p) => p.provinceId),
    late: provinces.filter((p) => p.state === 'late').map((p) => p.provinceId),
    pace: { rules: [...rules], inForce, explanation: explainPace(rules, monthsTotal) },
    errorRecords: aggregate.records.filter(hasError).length,
    errorKinds: errorKinds(aggregate.records),
    narrative: [],
    remarks: opts.remarks?.trim() ? opts.remarks.trim() : null,
  };
  report.narrative = writeNarrative(report, campaign);
  return report;
}
