// Month and province choices for the 报送 and central screens, derived from the campaign.
import type { Campaign, CheckReport, IsoMonth } from '../../../shared/types';

/** Every month of the campaign period, in order. */
export function campaignMonths(campaign: Campaign): IsoMonth[] {
  const months: IsoMonth[] = [];
  let [year, month] = campaign.period.start.split('-').map(Number);
  const end = campaign.period.end.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= end || months.length > 120) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The month to offer first: the current month, held inside the campaign period. */
export function defaultMonth(campaign: Campaign, today: Date = new Date()): IsoMonth {
  const months = campaignMonths(campaign);
  const now = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  if (now <= months[0]) return months[0];
  if (now >= months[months.length - 1]) return months[months.length - 1];
  return now;
}

/** The province whose points the tracker records most often (a tracker is one province's). */
export function guessProvince(report: CheckReport, campaign: Campaign): string | null {
  const counts = new Map<string, number>();
  for (const record of report.records) {
    const point = campaign.points.find((p) => p.id === record.liaisonPointId);
    if (point) counts.set(point.provinceId, (counts.get(point.provinceId) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [province, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = province;
  return best;
}

export function monthText(month: IsoMonth, lang: 'zh' | 'en'): string {
  const [year, m] = month.split('-');
  return lang === 'en' ? month : `${year}年${Number(m)}月`;
}
