// An uploaded .xlsx (or .ods) is a zip of XML: 10 MiB of it can expand to gigabytes, or hold a sheet of a
// million rows, and exceljs loads everything into memory before we see a single row. So before
// exceljs is called, the zip is walked here: declared sizes are bounded, every entry is inflated
// with a hard output cap (a zip that lies about its sizes is caught at the cap, not after), and
// the worksheets' rows, columns and cells are counted in the inflated XML. Only a workbook within
// XLSX_LIMITS reaches exceljs.
import { inflateRawSync } from 'node:zlib';
import { badRequest, tooLarge, type ApiFailure } from './http/responses';

export const XLSX_LIMITS = {
  /** Sum of all entries once unzipped (a 20,000-record tracker is about 15 MiB of XML). */
  uncompressedBytes: 64 * 1024 * 1024,
  entries: 2_000,
  /** Highest row number of any worksheet. */
  rows: 100_000,
  /** Highest column number of any worksheet (256 = IV, the old Excel's last column). */
  columns: 256,
  /** Cells across all worksheets: what exceljs's memory grows with. */
  cells: 1_000_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  flags: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (why: string): ApiFailure =>
  badRequest(
    'xlsx-unreadable',
    `文件已损坏，无法读取（${why}）：请在 Excel/WPS 中打开后另存为 .xlsx 再试。`,
    `The file is damaged and cannot be read (${why}): open it in Excel/WPS, save it as .xlsx and try again.`,
    { reason: 'damaged' },
  );

/** The zip's central directory: names and declared sizes, without inflating anything. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip directory');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  // Zip64 marks: a workbook of at most a few MiB never needs them.
  if (count === 0xffff || dirOffset === 0xffffffff) throw corrupt('zip64');
  if (count > XLSX_LIMITS.entries) throw tooManyParts(count);
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) throw corrupt('broken zip directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, inflated to at most its declared size: a zip that lies is refused at the cap. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.byteLength || view.getUint32(entry.offset, true) !== LOCAL) throw corrupt(`broken entry ${entry.name}`);
  if (entry.flags & 1) throw corrupt('encrypted entry');
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw corrupt(`truncated entry ${entry.name}`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt(`size mismatch in ${entry.name}`);
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw corrupt(`compression method ${entry.method}`);
  let out: Buffer;
  try {
    // maxOutputLength: zlib stops (and throws) the moment the output would pass the cap.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw corrupt(`entry ${entry.name} does not inflate to its declared size`);
  }
  if (out.byteLength !== entry.size) throw corrupt(`size mismatch in ${entry.name}`);
  return out;
}

function tooManyParts(count: number): ApiFailure {
  return tooLarge(
    'xlsx-too-large',
    `工作簿包含的部件过多（${count} 个，上限 ${XLSX_LIMITS.entries} 个）。`,
    `The workbook has too many parts (${count}; at most ${XLSX_LIMITS.entries}).`,
    { limit: XLSX_LIMITS.entries, count },
  );
}

/** Column letters → number (A = 1). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface SheetCount {
  rows: number;
  columns: number;
  cells: number;
}

const ROW_TAG = Buffer.from('<row');
const CELL_TAG = Buffer.from('<c');
/** What may follow an element's name in its opening tag: space, `>`, `/`, newline, return, tab. */
const AFTER_NAME = new Set([0x20, 0x3e, 0x2f, 0x0a, 0x0d, 0x09]);

/** The opening tags of one element (`<c` but not `<col`, `<cols`, `<cfRule`; `<row` but not `<rowBreaks`), as text. */
function* openingTags(xml: Buffer, tag: Buffer): Generator<string> {
  for (let at = xml.indexOf(tag); at >= 0; at = xml.indexOf(tag, at + tag.length)) {
    if (!AFTER_NAME.has(xml[at + tag.length])) continue;
    const close = xml.indexOf(0x3e, at);
    yield xml.toString('latin1', at, close < 0 ? at + 200 : Math.min(close, at + 400));
  }
}

/** Highest row number, highest column number and cell count of one worksheet's XML. */
export function countSheet(xml: Buffer): SheetCount {
  let rows = 0;
  let columns = 0;
  let cells = 0;
  let rowIndex = 0;
  for (const tag of openingTags(xml, ROW_TAG)) {
    const r = /\sr="(\d+)"/.exec(tag);
    rowIndex = r ? Number(r[1]) : rowIndex + 1;
    if (rowIndex > rows) rows = rowIndex;
  }
  for (const tag of openingTags(xml, CELL_TAG)) {
    cells++;
    const r = /\sr="([A-Z]{1,3})\d+"/.exec(tag);
    if (r) columns = Math.max(columns, columnNumber(r[1]));
  }
  return { rows, columns, cells };
}

/** `xl/worksheets/sheet1.xml` → the sheet's name, from workbook.xml and its relationships. */
function sheetNames(bytes: Uint8Array, entries: ZipEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const book = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!book || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of inflateEntry(bytes, rels).toString('utf8').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\sId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\sTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of inflateEntry(bytes, book).toString('utf8').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\sr:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) names.set(target, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return names;
}

/**
 * Refuses, before any exceljs work, a workbook that would expand beyond XLSX_LIMITS: 413 with the
 * sheet and the limit that was passed. Only zips are inspected; other bytes are left to the
 * reader, which says what they are (a legacy .xls, not a workbook…).
 */
export function guardXlsx(bytes: Uint8Array): void {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return;
  const entries = zipEntries(bytes);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > XLSX_LIMITS.uncompressedBytes) {
    const mib = (n: number) => Math.ceil(n / 1024 / 1024);
    throw tooLarge(
      'xlsx-too-large',
      `工作簿解压后过大（约 ${mib(declared)} MiB，上限 ${mib(XLSX_LIMITS.uncompressedBytes)} MiB）：请删除多余的工作表、图片或空行后再报送。`,
      `The workbook expands too much when unzipped (about ${mib(declared)} MiB; at most ${mib(XLSX_LIMITS.uncompressedBytes)} MiB): remove extra sheets, pictures or empty rows and submit again.`,
      { limitBytes: XLSX_LIMITS.uncompressedBytes, sizeBytes: declared },
    );
  }
  const names = sheetNames(bytes, entries);
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = inflateEntry(bytes, entry);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const count = countSheet(data);
    const sheet = names.get(entry.name) ?? entry.name;
    if (count.rows > XLSX_LIMITS.rows) {
      throw tooLarge(
        'xlsx-too-many-rows',
        `工作表「${sheet}」有 ${count.rows} 行，上限为 ${XLSX_LIMITS.rows} 行：请删除多余的空行或拆分台账后再报送。`,
        `Sheet "${sheet}" has ${count.rows} rows; at most ${XLSX_LIMITS.rows}: delete extra empty rows or split the tracker and submit again.`,
        { sheet, rows: count.rows, limit: XLSX_LIMITS.rows },
      );
    }
    if (count.columns > XLSX_LIMITS.columns) {
      throw tooLarge(
        'xlsx-too-many-columns',
        `工作表「${sheet}」用到第 ${count.columns} 列，上限为 ${XLSX_LIMITS.columns} 列：请删除右侧多余的内容后再报送。`,
        `Sheet "${sheet}" uses column ${count.columns}; at most ${XLSX_LIMITS.columns}: delete the extra content on the right and submit again.`,
        { sheet, columns: count.columns, limit: XLSX_LIMITS.columns },
      );
    }
    cells += count.cells;
    if (cells > XLSX_LIMITS.cells) {
      throw tooLarge(
        'xlsx-too-many-cells',
        `工作簿的单元格过多（超过 ${XLSX_LIMITS.cells} 个，到工作表「${sheet}」为止）：请删除多余的工作表或内容后再报送。`,
        `The workbook has too many cells (more than ${XLSX_LIMITS.cells}, counting up to sheet "${sheet}"): remove extra sheets or content and submit again.`,
        { sheet, limit: XLSX_LIMITS.cells },
      );
    }
  }
}
