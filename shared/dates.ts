// Reading activity dates from whatever a cell holds: Date objects, Excel serial numbers, text.
import { daysInMonth } from './campaign';
import { isoFromUtcDate, pad2, utcDateParts } from './cells';
import { remember } from './memo';
import { CHINESE_NUMERAL_CHARS, chineseDigits, chineseNumber } from './numerals';
import type { CellValue, IsoDate } from './types';

export type DateParse = { ok: true; date: IsoDate } | { ok: false; reason: 'missing' | 'unreadable' };

const MISSING: DateParse = { ok: false, reason: 'missing' };
const UNREADABLE: DateParse = { ok: false, reason: 'unreadable' };

// Serials for 1950-01-01 … 2100-12-31: numbers outside are counts or typos, not dates.
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73415;
const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-31 but it counts a 1900-02-29 that never was; from serial 61 on,
// counting from 1899-12-30 gives the true date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function ymd(y: number, m: number, d: number): DateParse {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return UNREADABLE;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return UNREADABLE;
  return { ok: true, date: `${y}-${pad2(m)}-${pad2(d)}` };
}

/** An Excel serial day number (1900 date system) as a date; only 1950–2100 are taken as dates. */
export function fromExcelSerial(serial: number): DateParse {
  if (!Number.isFinite(serial)) return UNREADABLE;
  const day = Math.floor(serial + 1e-9);
  if (day < SERIAL_MIN || day > SERIAL_MAX) return UNREADABLE;
  return { ok: true, date: isoFromUtcDate(new Date(EXCEL_EPOCH_MS + day * DAY_MS)) };
}

// A 1904-system serial (Mac Excel) is this many days behind the 1900 system's for the same date.
const DAYS_1904 = 1462;

/** ISO date → Excel serial (1900 system). */
export function toExcelSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

const NUM = `[0-9${CHINESE_NUMERAL_CHARS}]`;
// y-m-d with - . / 年月 separators, anywhere in the text: 2017.3.15, 2017年3月15日, 二〇一七年三月十五日.
// (No lookbehind: older Safari, which Office on Mac embeds, rejects it.)
// A "day" followed by 月 is a second month (2017年3-4月 is March to April), not a day.
const FULL_DATE = new RegExp(`(?:^|[^0-9])(${NUM}{2,4})\\s*(?:年|[-./](?=\\s*[0-9]))\\s*(${NUM}{1,3})\\s*(?:月|[-./])\\s*(${NUM}{1,3})(?![0-9]|\\s*月)`, 'u');
// m月d日 and m.d / m-d / m/d at the start (a year comes from the campaign).
const MONTH_DAY = new RegExp(`^(${NUM}{1,3})\\s*(?:月|[-./])\\s*(${NUM}{1,3})(?![0-9])\\s*(?:日|号|$|[\\s(（,，、至到~～—–-])`, 'u');
// m月d日 inside a longer text: 春节前（1月20日）, 星期三（3月15日）.
const MONTH_DAY_INSIDE = new RegExp(`(?:^|[^0-9${CHINESE_NUMERAL_CHARS}])(${NUM}{1,2})\\s*月\\s*(${NUM}{1,3})\\s*[日号]`, 'u');
// d/m/yyyy or m/d/yyyy, taken only when the reading is unambiguous.
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![0-9])/;
// English month names, as an English tracker or a Date's text form writes them: 15-Mar-2017,
// March 16, 2017, Wed Mar 15 2017 00:00:00 GMT+0800.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\\.?';
const DAY_MONTH_NAME = new RegExp(`(?:^|[^0-9])(\\d{1,2})(?:st|nd|rd|th)?[\\s./-]*${MONTH_NAME}(?:[\\s.,/-]*(\\d{4}|\\d{2})(?![0-9:]))?`);
const MONTH_NAME_DAY = new RegExp(`(?:^|[^a-z])${MONTH_NAME}[\\s./-]*(\\d{1,2})(?:st|nd|rd|th)?(?![0-9:])(?:[\\s,./-]*(\\d{4})(?![0-9:]))?`);

function numberPart(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  return chineseNumber(s);
}

function yearPart(s: string): number | null {
  const n = /^[0-9]+$/.test(s) ? Number(s) : (chineseDigits(s) ?? chineseNumber(s));
  if (n === null) return null;
  if (s.length === 2) return 2000 + n;
  return s.length === 4 ? n : null;
}

function fromText(raw: string, defaultYear: number | undefined, date1904: boolean): DateParse {
  // 元月 is January; 元旦 its first day.
  const s = raw.normalize('NFKC').trim().replace(/元月/u, '1月').replace(/元旦/u, '1月1日');
  if (s === '') return MISSING;
  if (/^\d{8}$/.test(s)) return ymd(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s) + (date1904 ? DAYS_1904 : 0));
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const [a, b, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
    if (a > 12 && b <= 12) return ymd(y, b, a);
    if (b > 12 && a <= 12) return ymd(y, a, b);
    return a === b ? ymd(y, a, b) : UNREADABLE;
  }
  const full = FULL_DATE.exec(s);
  if (full) {
    const y = yearPart(full[1]);
    const m = numberPart(full[2]);
    const d = numberPart(full[3]);
    return y === null || m === null || d === null ? UNREADABLE : ymd(y, m, d);
  }
  const md = MONTH_DAY.exec(s) ?? MONTH_DAY_INSIDE.exec(s);
  if (md && defaultYear !== undefined) {
    const m = numberPart(md[1]);
    const d = numberPart(md[2]);
    return m === null || d === null ? UNREADABLE : ymd(defaultYear, m, d);
  }
  return /[a-z]{3}/i.test(s) ? fromEnglish(s.toLowerCase(), defaultYear) : UNREADABLE;
}

function fromEnglish(s: string, defaultYear: number | undefined): DateParse {
  const monthDay = MONTH_NAME_DAY.exec(s);
  const dayMonth = monthDay ? null : DAY_MONTH_NAME.exec(s);
  const [month, day, year] = monthDay ? [monthDay[1], monthDay[2], monthDay[3]] : dayMonth ? [dayMonth[2], dayMonth[1], dayMonth[3]] : [];
  if (month === undefined) return UNREADABLE;
  const y = year === undefined ? defaultYear : year.length === 2 ? 2000 + Number(year) : Number(year);
  return y === undefined ? UNREADABLE : ymd(y, MONTHS.indexOf(month.slice(0, 3)) + 1, Number(day));
}

/** A month.day typed into a cell that Excel kept as a number (3.15 → March 15). One decimal is
 *  read as the day only when it cannot be a day ending in 0 (4.5 is April 5; 3.1 may be 3.10). */
function fromMonthDayNumber(value: number, defaultYear: number | undefined): DateParse {
  const [whole, fraction = ''] = String(value).split('.');
  if (defaultYear === undefined || fraction.length === 0 || fraction.length > 2) return UNREADABLE;
  const m = Number(whole);
  const d = Number(fraction);
  if (fraction.length === 1 && ymd(defaultYear, m, d * 10).ok) return UNREADABLE;
  return ymd(defaultYear, m, d);
}

const textCache = new Map<string, DateParse>();

/** Reads a date from a cell. Dates are days: a Date is read by its UTC parts (exceljs gives UTC
 *  midnight); numbers are Excel serials; text may be 2017.3.15, 2017-03-15, 2017/3/15, 2017年3月15日,
 *  二〇一七年三月十五日, 20170315, 2017-03-15 10:00, 15-Mar-2017, or 3月15日 / 3.15 (text or number)
 *  with `defaultYear`; of a range (2017年3月15日-16日) the first day counts. With `date1904` a serial
 *  counts from 1904 (a Mac Excel workbook's date system). */
export function parseDate(value: CellValue, opts?: { defaultYear?: number; date1904?: boolean }): DateParse {
  if (value === null || value === undefined) return MISSING;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNREADABLE : ymd(...utcDateParts(value));
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) {
      return ymd(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    }
    if (value > 0 && value < 13) return fromMonthDayNumber(value, opts?.defaultYear);
    return fromExcelSerial(opts?.date1904 ? value + DAYS_1904 : value);
  }
  if (typeof value !== 'string') return UNREADABLE;
  // Trackers repeat the same few hundred date texts: read each once.
  const date1904 = opts?.date1904 === true;
  return remember(textCache, `${opts?.defaultYear ?? ''}|${date1904 ? 'm' : ''}|${value}`, () => fromText(value, opts?.defaultYear, date1904));
}
