// Text made safe for a spreadsheet cell, in ONE place, for every workbook we write (values, notes,
// hidden state cells) and every `range.values` the task pane sends:
//  - characters XML 1.0 forbids are dropped (C0 controls other than tab/CR/LF, unpaired
//    surrogates, U+FFFE/U+FFFF): one of them makes the whole .xlsx unreadable;
//  - text is cut at Excel's limit of 32,767 characters per cell, with a visible marker;
//  - text Excel would take for a formula through `range.values` gets a leading "'".

/** Excel's limit for the text of one cell (and of one note). */
export const EXCEL_CELL_CHARS = 32_767;

/** Ends a cut text, so a reader knows more was there. */
export const CUT_MARKER = '…【已截断 truncated】';

const FORMULA_START = /^[\t\r\n ]*[=+\-@＝＋－＠]/u;
// Without the `u` flag a class sees UTF-16 code units, so lone surrogates can be matched by lookaround.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops the characters an XML 1.0 document cannot hold. */
export function xmlSafeText(s: string): string {
  return s.replace(XML_FORBIDDEN, '');
}

/** XML-safe and within `max` characters (the marker included), never splitting a surrogate pair. */
export function cellSafeText(s: string, max = EXCEL_CELL_CHARS): string {
  const safe = xmlSafeText(s);
  if (safe.length <= max) return safe;
  let end = max - CUT_MARKER.length;
  if (/[\uD800-\uDBFF]/.test(safe[end - 1] ?? '')) end--;
  return safe.slice(0, end) + CUT_MARKER;
}

/** cellSafeText, plus "'" before text Excel would read as a formula (= + - @, full-width forms
 *  too, also after leading tabs, CRs or spaces); Excel keeps the cell as text and hides the quote. */
export function sanitizeCellText(s: string): string {
  const safe = cellSafeText(s);
  return FORMULA_START.test(safe) ? `'${safe}` : safe;
}
