// Which month a province reports now. A month's tracker is due by day `submissionDueDay` of the next
// month (China time): until then the month just ended is the one to report, after it the running
// month. Never a month outside the campaign.
import { campaignMonths, chinaDay, dateLabel, monthLabel, nextMonth, submissionDue } from './calendar';
import { isLate } from './deadlines';
import type { Campaign, IsoDate, IsoMonth } from './types';

function previousMonth(month: IsoMonth): IsoMonth {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The reporting month to offer at `now`: M until M's due day (in M+1) has passed in China, then M+1. */
export function defaultReportingMonth(campaign: Campaign, now: Date = new Date()): IsoMonth {
  const today = chinaDay(now.toISOString());
  const running = today.slice(0, 7);
  const day = Number(today.slice(8, 10));
  const month = day <= campaign.submissionDueDay ? previousMonth(running) : running;
  const months = campaignMonths(campaign);
  if (month < months[0]) return months[0];
  return month > months[months.length - 1] ? months[months.length - 1] : month;
}

export interface ReportingDeadline {
  month: IsoMonth;
  due: IsoDate;
  /** 报送 2017年5月台账，截止 6月5日 */
  label: string;
  labelEn: string;
}

export function reportingDeadline(campaign: Campaign, month: IsoMonth): ReportingDeadline {
  const due = submissionDue(month, campaign.submissionDueDay);
  const [, m, d] = due.split('-').map(Number);
  const sameYear = due.slice(0, 4) === nextMonth(month).slice(0, 4) && due.slice(0, 4) === month.slice(0, 4);
  const dueZh = sameYear ? `${m}月${d}日` : dateLabel(due);
  return {
    month,
    due,
    label: `报送 ${monthLabel(month)}台账，截止 ${dueZh}`,
    labelEn: `Reporting the ${month} tracker, due ${due}`,
  };
}

/** 逾期: submitted after the month's deadline. */
export function isLateSubmission(campaign: Campaign, month: IsoMonth, submittedAt: string): boolean {
  return isLate(month, submittedAt, campaign.submissionDueDay);
}
