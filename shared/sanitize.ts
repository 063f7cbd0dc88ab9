// Text that Excel would take for a formula when written through `range.values`.

const FORMULA_START = /^[\t\r\n ]*[=+\-@＝＋－＠]/u;

/** Prefixes "'" to text Excel would read as a formula (= + - @, full-width forms too, also after
 *  leading tabs, CRs or spaces); Excel keeps the cell as text and hides the quote. */
export function sanitizeCellText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}
