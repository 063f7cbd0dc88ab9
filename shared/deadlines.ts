// When a month's submission is due. A month's submission is late when it arrives after day `submissionDueDay` of the following month,
// counted to the end of that day in China Standard Time (UTC+8), where the offices are.
import { CHINA_OFFSET_MS } from './calendar';

export function dueInstant(month: string, dueDay: number): number {
  const [year, mon] = month.split('-').map(Number);
  // Date.UTC(year, mon, …) is the month after `mon` (months are 0-based there) and rolls December over.
  return Date.UTC(year, mon, dueDay, 23, 59, 59, 999) - CHINA_OFFSET_MS;
}

export function isLate(month: string, submittedAt: string, dueDay: number): boolean {
  return Date.parse(submittedAt) > dueInstant(month, dueDay);
}
