// How a row the pane adds is written like the rows the user typed: 序号 continued, dates in the
// column's own format (or one that fits a column left at its default width: never ###), and the
// sheet's script kept. Rules as data; the ports and flows only apply them.
import { normalizeText, toSimplified } from './text';
import type { CellValue } from './types';

/** Headers of a serial-number column (compared after normalizeText: 序號 is 序号). */
export const SERIAL_HEADERS: readonly string[] = ['序号', '编号', '顺序号', 'no', 'no.', '#'];

export function isSerialHeader(text: string | null | undefined): boolean {
  return typeof text === 'string' && SERIAL_HEADERS.includes(normalizeText(text));
}

/** The serial after `above` (a number or a numeric text), or null when it does not count. */
export function nextSerial(above: CellValue): number | null {
  const n = typeof above === 'number' ? above : typeof above === 'string' && /^\s*\d+\s*$/.test(above) ? Number(above) : NaN;
  return Number.isInteger(n) && n >= 0 ? n + 1 : null;
}

/** Date formats by the widest text they print (in Excel's character widths), longest first. */
export const DATE_FORMATS: readonly { format: string; width: number }[] = [
  { format: 'yyyy-mm-dd', width: 10 },
  { format: 'yyyy/m/d', width: 10 },
  { format: 'yy/m/d', width: 8 },
];

/** Excel's width of a column no one has resized (in characters). */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** A number format that shows a date: y, m or d outside quotes, brackets and escapes, and no time or text part. */
export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare) && !/[hs@]/i.test(bare);
}

/** The format for a new date cell: the column's own date format when it has one, else the longest that fits its width. */
export function dateFormatFor(existing: string | null | undefined, columnWidth: number | null | undefined): string {
  if (isDateFormat(existing)) return existing!;
  const width = columnWidth ?? DEFAULT_COLUMN_WIDTH;
  return (DATE_FORMATS.find((f) => f.width <= width) ?? DATE_FORMATS[DATE_FORMATS.length - 1]).format;
}

export type Script = 'traditional' | 'simplified';

/** The sheet's script, judged from its own text: traditional when more of its characters are
 *  traditional-only (changed by the traditional → simplified conversion) than not, among those that differ. */
export function scriptOf(texts: readonly string[]): Script {
  let traditional = 0;
  let total = 0;
  for (const text of texts) {
    for (const ch of text) {
      if (!/\p{Script=Han}/u.test(ch)) continue;
      total++;
      if (toSimplified(ch) !== ch) traditional++;
    }
  }
  // Most characters are the same in both scripts; a handful of traditional-only ones decide.
  return total > 0 && traditional * 20 >= total && traditional >= 2 ? 'traditional' : 'simplified';
}

/** Simplified → traditional, loaded only when a traditional sheet needs it (the tables are large). */
export async function loadToTraditional(): Promise<(text: string) => string> {
  // @ts-ignore TS1479: opencc-js ships ESM types only (as in text.ts).
  const { Converter } = (await import('opencc-js/cn2t')) as { Converter: (o: { from: string; to: string }) => (s: string) => string };
  return Converter({ from: 'cn', to: 't' });
}
