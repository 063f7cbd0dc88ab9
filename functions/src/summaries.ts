// Stored summaries as the API shows them; lateness is judged with the campaign's current due day.
import type { Campaign, SubmissionSummary } from '../../shared';
import { badRequest } from './http/responses';
import { campaignMonths } from '../../shared/calendar';
import { isLate } from '../../shared/deadlines';
import type { StoredSummary } from './storage/repository';

export function toApiSummary(s: StoredSummary, campaign: Campaign): SubmissionSummary {
  const out: SubmissionSummary = {
    submissionId: s.submissionId,
    campaignId: s.campaignId,
    provinceId: s.provinceId,
    month: s.month,
    version: s.version,
    recordCount: s.recordCount,
    errorCount: s.errorCount,
    warningCount: s.warningCount,
    submittedAt: s.submittedAt,
    late: isLate(s.month, s.submittedAt, campaign.submissionDueDay),
  };
  if (s.source) out.source = s.source;
  out.contentHash = s.contentHash;
  if (s.submittedBy) out.submittedBy = s.submittedBy;
  return out;
}

/** The province and month must belong to the campaign. */
export function checkTarget(campaign: Campaign, provinceId: string, month?: string): void {
  checkProvince(campaign, provinceId);
  if (month !== undefined) checkMonth(campaign, month);
}

function checkProvince(campaign: Campaign, provinceId: string): void {
  if (!campaign.provinces.some((p) => p.id === provinceId)) {
    throw badRequest(
      'province-unknown',
      `活动「${campaign.name}」中没有省份「${provinceId}」（provinceId）。`,
      `Campaign "${campaign.id}" has no province "${provinceId}" (provinceId).`,
      { path: 'provinceId', provinceId, known: campaign.provinces.map((p) => p.id) },
    );
  }
}

export function checkMonth(campaign: Campaign, month: string): void {
  if (!campaignMonths(campaign).includes(month)) {
    throw badRequest(
      'month-out-of-period',
      `月份 ${month}（month）不在活动期间（${campaign.period.start} 至 ${campaign.period.end}）内。`,
      `Month ${month} (month) is outside the campaign period (${campaign.period.start} to ${campaign.period.end}).`,
      { path: 'month', month, period: campaign.period },
    );
  }
}
