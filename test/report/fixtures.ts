// Hand-made aggregates for the report tests: records as the API returns them, statuses per province.
import type { AggregateRecord, AggregateResponse, ProvinceSubmissionStatus } from '../../shared/api';
import { computeCompleteness, DEFAULT_CAMPAIGN } from '../../shared';
import { monthEnd, nextMonth } from '../../shared/calendar';
import type { Campaign, Issue, TypeCode } from '../../shared/types';

let nextRow = 2;

export function record(
  pointId: string,
  date: string | null,
  type: TypeCode,
  extra: Partial<AggregateRecord> = {},
): AggregateRecord {
  const point = DEFAULT_CAMPAIGN.points.find((p) => p.id === pointId);
  return {
    row: nextRow++,
    liaisonPointId: pointId,
    date,
    type,
    leader: '张三',
    title: `${type} 活动`,
    participants: 30,
    summary: null,
    publication: type === 'lecture' ? '民进中央网站' : null,
    materials: null,
    filledBy: null,
    remarks: null,
    provinceId: point?.provinceId ?? 'beijing',
    submissionId: `${point?.provinceId ?? 'beijing'}-v1`,
    issues: [],
    ...extra,
  };
}

export function errorIssue(row: number): Issue {
  return {
    row,
    cell: `B${row}`,
    field: 'date',
    severity: 'error',
    code: 'date-unreadable',
    message: `第${row}行 B${row}「三月某日」：活动日期无法识别。`,
    messageEn: `Row ${row} B${row}: the date cannot be read.`,
  };
}

export type StatusSpec = Partial<Pick<ProvinceSubmissionStatus, 'submitted' | 'late' | 'submittedAt' | 'version'>>;

/** Every province submitted on time (2nd of the next month) unless `statuses` says otherwise. */
export function aggregate(
  month: string,
  records: AggregateRecord[],
  statuses: Record<string, StatusSpec> = {},
  campaign: Campaign = DEFAULT_CAMPAIGN,
): AggregateResponse {
  const next = nextMonth(month);
  const asOf = monthEnd(month);
  const counting = records.filter((r) => !r.issues.some((i) => i.severity === 'error'));
  return {
    campaignId: campaign.id,
    month,
    asOf,
    points: computeCompleteness(counting, [], campaign, { asOf, pointIds: campaign.points.map((p) => p.id) }).map(
      (p) => ({ ...p, provinceName: campaign.provinces.find((x) => x.id === p.provinceId)?.name ?? '' }),
    ),
    provinces: campaign.provinces.map((p) => {
      const s = statuses[p.id] ?? {};
      const submitted = s.submitted ?? true;
      return {
        provinceId: p.id,
        name: p.name,
        submitted,
        version: submitted ? (s.version ?? 1) : null,
        submittedAt: submitted ? (s.submittedAt ?? `${next}-02T02:00:00.000Z`) : null,
        late: s.late ?? false,
      };
    }),
    records,
    countsByType: {},
  };
}

/** The three required activities at one point, in the given month. */
export function completePoint(pointId: string, month: string): AggregateRecord[] {
  return [
    record(pointId, `${month}-03`, 'lecture'),
    record(pointId, `${month}-10`, 'symposium'),
    record(pointId, `${month}-20`, 'veteran-visit'),
  ];
}
