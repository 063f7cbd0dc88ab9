// Excel's built-in East Asian number formats (ids 27–36 and 50–58: 「2017年4月12日」 is 31, 「4月12日」
// 58) are stored as a bare id, without their format code, because every Chinese Excel knows them.
// exceljs knows them only by locale, so it reads such a cell as a plain number (42837) and writes it
// back without its format. Giving the ids their zh-CN codes in the file's styles before exceljs
// loads it makes those cells dates (in the workbook's date system) and keeps their look in every
// copy we write. The same pass writes a 1904 date system as exceljs reads it. Browser-safe: bytes
// in, bytes out.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

/** zh-CN format codes of the East Asian built-in ids (as Excel in Chinese shows them). */
export const CJK_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const STYLES = /^xl\/styles\.xml$/i;
const USED_ID = /<xf\b[^>]*\bnumFmtId="(\d+)"/g;
const DEFINED_ID = /<numFmt\b[^>]*\bnumFmtId="(\d+)"/g;

function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The styles part with a `<numFmt>` for each East Asian built-in id its cell formats use and it
 *  does not define; null when nothing is missing. */
export function definedCjkFormats(styles: string): string | null {
  const defined = new Set([...styles.matchAll(DEFINED_ID)].map((m) => Number(m[1])));
  const missing = [...new Set([...styles.matchAll(USED_ID)].map((m) => Number(m[1])))].filter(
    (id) => CJK_BUILTIN_FORMATS[id] !== undefined && !defined.has(id),
  );
  if (missing.length === 0) return null;
  const added = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(CJK_BUILTIN_FORMATS[id])}"/>`).join('');
  const open = /<numFmts\b[^>]*?(\/?)>/.exec(styles);
  if (open && open[1] === '') {
    const count = defined.size + missing.length;
    const tag = open[0].replace(/\bcount="\d+"/, `count="${count}"`);
    return styles.slice(0, open.index) + tag + added + styles.slice(open.index + open[0].length);
  }
  const numFmts = `<numFmts count="${missing.length}">${added}</numFmts>`;
  if (open) return styles.slice(0, open.index) + numFmts + styles.slice(open.index + open[0].length);
  // numFmts is the first child of styleSheet.
  const sheet = /<styleSheet\b[^>]*>/.exec(styles);
  return sheet ? styles.slice(0, sheet.index + sheet[0].length) + numFmts + styles.slice(sheet.index + sheet[0].length) : null;
}

// xsd:boolean allows true/false; LibreOffice writes date1904="true", which exceljs reads as false.
const WORKBOOK = /^xl\/workbook\.xml$/i;
const DATE1904_TRUE = /(<workbookPr\b[^>]*\bdate1904=")true(")/;

/** The workbook part with `date1904="true"` written as exceljs understands it ("1"); null when unchanged. */
export function date1904AsOne(workbook: string): string | null {
  return DATE1904_TRUE.test(workbook) ? workbook.replace(DATE1904_TRUE, '$11$2') : null;
}

/** The .xlsx bytes with the East Asian built-in formats defined and the date system written as
 *  exceljs reads it; the same bytes when nothing needs it (the usual case: only those two parts are
 *  unpacked to see). Bytes that are not a readable zip are returned as they are, for the loader to
 *  refuse. */
export function withCjkFormatsDefined(bytes: Uint8Array): Uint8Array {
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes, { filter: (f) => STYLES.test(f.name) || WORKBOOK.test(f.name) });
  } catch {
    return bytes;
  }
  const changed: Record<string, string> = {};
  for (const [name, data] of Object.entries(parts)) {
    const fixed = STYLES.test(name) ? definedCjkFormats(strFromU8(data)) : date1904AsOne(strFromU8(data));
    if (fixed !== null) changed[name] = fixed;
  }
  if (Object.keys(changed).length === 0) return bytes;
  const files = unzipSync(bytes);
  for (const [name, text] of Object.entries(changed)) files[name] = strToU8(text);
  // Only exceljs reads these bytes: stored, not compressed again (compressing a big sheet takes seconds).
  return zipSync(files, { level: 0 });
}
