// Calendar arithmetic on ISO dates and months, done on the digits: a date is a day, never an
// instant, so no time zone may shift it.
import { daysInMonth } from './campaign';
import { pad2 } from './cells';
import type { Campaign, IsoDate, IsoMonth } from './types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isIsoMonth(text: string): boolean {
  return MONTH.test(text);
}

function parts(month: IsoMonth): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** China Standard Time (UTC+8), where the offices are: the clock of deadlines and submission times. */
export const CHINA_OFFSET_MS = 8 * 3600_000;

export function monthStart(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function monthEnd(month: IsoMonth): IsoDate {
  const [y, m] = parts(month);
  return `${month}-${pad2(daysInMonth(y, m))}`;
}

export function nextMonth(month: IsoMonth): IsoMonth {
  const [y, m] = parts(month);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad2(m + 1)}`;
}

/** The last day a month's tracker is on time: day `dueDay` of the following month. */
export function submissionDue(month: IsoMonth, dueDay: number): IsoDate {
  return `${nextMonth(month)}-${pad2(dueDay)}`;
}

/** Every month of the campaign's period, in order. */
export function campaignMonths(campaign: Campaign): IsoMonth[] {
  const last = campaign.period.end.slice(0, 7);
  const months: IsoMonth[] = [];
  for (let m = campaign.period.start.slice(0, 7); m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

/** The month to offer first: today's (as a calendar in China sees it), held inside the campaign's period. */
export function currentCampaignMonth(campaign: Campaign, now: Date = new Date()): IsoMonth {
  const months = campaignMonths(campaign);
  const today = chinaDay(now.toISOString()).slice(0, 7);
  if (today <= months[0]) return months[0];
  return today >= months[months.length - 1] ? months[months.length - 1] : today;
}

/** Whole months from `from` to `to`, both counted: 2017-01 → 2017-05 is 5. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/** 2017-05 → 2017年5月 */
export function monthLabel(month: IsoMonth): string {
  const [y, m] = parts(month);
  return `${y}年${m}月`;
}

/** 2017-05 → 2017年05月 (sheet and file names sort by it). */
export function monthLabelPadded(month: IsoMonth): string {
  const [y, m] = parts(month);
  return `${y}年${pad2(m)}月`;
}

/** 2017-05-31 → 2017年5月31日 */
export function dateLabel(date: IsoDate): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An ISO instant as China Standard Time wall-clock text (YYYY-MM-DDTHH:mm…), or null when unreadable. */
function chinaClock(instant: string): string | null {
  const t = Date.parse(instant);
  return Number.isNaN(t) ? null : new Date(t + CHINA_OFFSET_MS).toISOString();
}

/** An ISO instant as the China Standard Time calendar day it fell on (offices work in UTC+8). */
export function chinaDay(instant: string): IsoDate {
  return (chinaClock(instant) ?? instant).slice(0, 10);
}

/** HH:mm of an ISO instant in China Standard Time. */
export function chinaTime(instant: string): string {
  return chinaClock(instant)?.slice(11, 16) ?? '';
}

/** The calendar day `now` is on this machine's clock (the person's own "today"). */
/** The as-of date when none is given: today, but never past the campaign's end, so a finished
 *  campaign reads as of its end. */
export function defaultAsOf(campaign: Campaign, now: Date = new Date()): IsoDate {
  const today = localDay(now);
  return today > campaign.period.end ? campaign.period.end : today;
}

export function localDay(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}
