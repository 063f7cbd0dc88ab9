// Which number formats show a number as a date (or time), so the readers hand shared/ a Date:
// Excel's built-in date ids, including the CJK built-ins that zh-CN Excel and WPS write (27–36,
// 50–58: 2017年3月, 3月15日, 上午/下午…), and any custom format code with date parts.

/** Built-in ids that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58 in CJK locales. */
export const BUILTIN_DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22,
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
  45, 46, 47,
  50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Parts of a format code that never mean a date: quoted text, escaped characters, [Red]/[$-804]
 *  blocks (but not the elapsed-time [h] [mm] [ss]), and the General keyword. */
const NOT_DATE_PARTS = /"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]|general/gi;
const DATE_PARTS = /[ymdhsb]|上午|下午|am\/pm|a\/p/i;

const cache = new Map<string, boolean>();

export function isDateFormatCode(code: string): boolean {
  let known = cache.get(code);
  if (known === undefined) {
    // Only the first (positive) section decides how a serial shows.
    const first = code.replace(NOT_DATE_PARTS, '').split(';')[0];
    known = DATE_PARTS.test(first);
    if (cache.size < 1000) cache.set(code, known);
  }
  return known;
}

export function isDateFormat(id: number, code: string | undefined): boolean {
  return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMAT_IDS.has(id);
}

/** A serial number as a Date (UTC), in the workbook's date system: Excel's 1900 system counts from
 *  1899-12-30 (its phantom 1900-02-29 included), the 1904 system from 1904-01-01. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
