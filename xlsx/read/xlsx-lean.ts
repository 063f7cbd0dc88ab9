// The lean `.xlsx`/`.xlsm` grid reader: inflates only the parts a check needs (workbook, its
// relationships, shared strings, styles, the worksheets), scans each sheet's XML once with a few
// regular expressions and indexOf, and resolves shared strings, date formats (built-in, CJK and
// custom), the 1904 date system, merged areas, hidden sheets and hidden rows. No DOM, no node:*:
// the same code runs in Node and the browser. Measured against exceljs in bench/ (and tested
// against exceljs's reading of random workbooks in test/xlsx/lean-reader.test.ts).
import type { CellValue, Grid, SheetGrid } from '../../shared/types';
import { fillMergedDown } from '../../shared/merges';
import { isDateFormat, serialToDate } from './date-formats';
import { limitsOf, type ReadLimits, type ReadOptions } from './options';
import { damaged, refuse, tooLarge } from './refusals';
import { attributes, localAttribute, ooxmlText, tags, unescapeXml } from './xml-text';
import { Zip } from './zip';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

/** `xl/workbook.xml` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml` (targets are relative to the source's folder). */
function resolvePart(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

interface Relationship {
  target: string;
  type: string;
}

function relationships(zip: Zip, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const xml = zip.text(relsPathOf(part));
  if (xml === undefined) return rels;
  for (const tag of tags(xml, 'Relationship')) {
    const a = attributes(tag);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target && a.get('TargetMode') !== 'External') rels.set(id, { target: resolvePart(part, target), type: a.get('Type') ?? '' });
  }
  return rels;
}

export function workbookPartOf(zip: Zip): string | undefined {
  const root = zip.text('_rels/.rels');
  if (root !== undefined) {
    for (const tag of tags(root, 'Relationship')) {
      const a = attributes(tag);
      if (REL_OFFICE_DOCUMENT.test(a.get('Type') ?? '') && a.get('Target')) {
        const part = resolvePart('', a.get('Target') as string);
        if (zip.has(part)) return part;
      }
    }
  }
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs, phonetic guides (`<rPh>`) left out. */
function stringItemText(xml: string): string {
  // The common case: one plain <t> and nothing else.
  if (xml.charCodeAt(0) === 60 && xml.charCodeAt(1) === 116 && (xml.charCodeAt(2) === 62 || xml.charCodeAt(2) === 32) && xml.indexOf('<', 2) === xml.lastIndexOf('<')) {
    const open = xml.indexOf('>');
    if (xml.charCodeAt(open - 1) === 47) return '';
    const close = xml.indexOf('</t>', open);
    return ooxmlText(xml.slice(open + 1, close < 0 ? undefined : close));
  }
  const withoutPhonetic = xml.indexOf('rPh') < 0 ? xml : xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  for (let m = re.exec(withoutPhonetic); m; m = re.exec(withoutPhonetic)) text += m[1] ?? '';
  return ooxmlText(text);
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  const re = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) strings.push(m[1] === undefined ? '' : stringItemText(m[1]));
  return strings;
}

/** Per cell style index (`s`): whether its number format shows a date. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const codes = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) {
    const a = attributes(tag);
    const id = Number(a.get('numFmtId'));
    if (Number.isInteger(id)) codes.set(id, a.get('formatCode') ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const dates: boolean[] = [];
  for (const tag of tags(xfs[0], 'xf')) {
    const id = Number(attributes(tag).get('numFmtId') ?? 0);
    dates.push(isDateFormat(id, codes.get(id)));
  }
  return dates;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i));
}

const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
const ROW_HIDDEN = /\shidden\s*=\s*["'](1|true)["']/;

interface Context {
  shared: string[];
  dateStyle: boolean[];
  date1904: boolean;
  limits: ReadLimits;
  options: ReadOptions;
  cells: number;
}

/** The tags of one worksheet's namespace prefix (usually none), built once per sheet. */
interface Names {
  v: string;
  vClose: string;
  is: string;
}

function namesOf(prefix: string): Names {
  return { v: `<${prefix}v`, vClose: `</${prefix}v>`, is: `<${prefix}is` };
}

/** The text between `<v>` and `</v>` of a cell's inner XML, raw. */
function innerValue(inner: string, names: Names): string | undefined {
  const open = inner.indexOf(names.v);
  if (open < 0) return undefined;
  const gt = inner.indexOf('>', open);
  if (gt < 0 || inner.charCodeAt(gt - 1) === 47) return undefined;
  const close = inner.indexOf(names.vClose, gt);
  return inner.slice(gt + 1, close < 0 ? undefined : close);
}

function cellValue(type: string | undefined, style: number, inner: string, names: Names, ctx: Context): CellValue {
  if (type === 'inlineStr') {
    const is = inner.indexOf(names.is);
    return is < 0 ? undefined : stringItemText(inner.slice(is));
  }
  const raw = innerValue(inner, names);
  if (raw === undefined) return undefined;
  switch (type) {
    case 's': {
      const s = ctx.shared[Number(raw)];
      return s === undefined ? undefined : s;
    }
    case 'str':
      return ooxmlText(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return unescapeXml(raw);
    case 'd': {
      const text = raw.trim();
      const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
      return Number.isNaN(t) ? unescapeXml(raw) : new Date(t);
    }
    default: {
      if (raw.trim() === '') return undefined;
      const n = Number(raw);
      if (Number.isNaN(n)) return unescapeXml(raw);
      return ctx.dateStyle[style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

/** One worksheet's XML → grid, merges and hidden rows. */
export function scanWorksheet(xml: string, sheet: string, ctx: Context): Omit<SheetGrid, 'name' | 'date1904' | 'hidden'> {
  const prefix = /<(\w+:)?worksheet[\s>]/.exec(xml)?.[1] ?? '';
  const grid: Grid = [];
  const hiddenRows: number[] = [];
  const { limits, options } = ctx;
  const dataStart = xml.indexOf(`<${prefix}sheetData`);
  let dataEnd = dataStart < 0 ? -1 : xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataStart >= 0 && dataEnd < 0) dataEnd = xml.length;
  if (dataStart >= 0) {
    const re = new RegExp(`<${prefix}(row|c)(?=[\\s/>])([^>]*)>`, 'g');
    const closeCell = `</${prefix}c>`;
    const names = namesOf(prefix);
    re.lastIndex = dataStart;
    let rowNumber = 0;
    let col = 0;
    let row: CellValue[] = [];
    let rowIndex = -1;
    for (let m = re.exec(xml); m && m.index < dataEnd; m = re.exec(xml)) {
      const attrs = m[2];
      if (m[1] === 'row') {
        const r = Number(ROW_NUMBER.exec(attrs)?.[1]);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        if (rowNumber > limits.rows) throw tooLarge(`工作表「${sheet}」超过 ${limits.rows} 行`, `sheet "${sheet}" has more than ${limits.rows} rows`, { sheet, limit: limits.rows, reason: 'rows' });
        if (attrs.indexOf('hidden') >= 0 && ROW_HIDDEN.test(attrs)) hiddenRows.push(rowNumber - 1);
        col = 0;
        continue;
      }
      let type: string | undefined;
      let style = 0;
      let cellRow = rowNumber;
      let ref: string | undefined;
      // Attributes of a cell: r, s, t (in any order, either quote).
      for (let at = attrs.indexOf('='); at >= 0; at = attrs.indexOf('=', at + 1)) {
        const name = attrs.charCodeAt(at - 1);
        const before = attrs.charCodeAt(at - 2);
        if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
        const quote = attrs[at + 1];
        const end = attrs.indexOf(quote, at + 2);
        if (end < 0) break;
        const value = attrs.slice(at + 2, end);
        if (name === 114) ref = value;
        else if (name === 115) style = Number(value) | 0;
        else if (name === 116) type = value;
        at = end;
      }
      if (ref !== undefined) {
        const c = columnOf(ref);
        col = c > 0 ? c : col + 1;
        const r = rowOf(ref);
        if (r > 0) cellRow = r;
      } else col += 1;
      if (cellRow === 0) cellRow = rowNumber = 1;
      let inner = '';
      if (attrs.charCodeAt(attrs.length - 1) !== 47) {
        const end = xml.indexOf(closeCell, re.lastIndex);
        if (end < 0) throw damaged(`工作表「${sheet}」的单元格没有结束`);
        inner = xml.slice(re.lastIndex, end);
        re.lastIndex = end + closeCell.length;
      }
      if (inner === '') continue;
      const value = cellValue(type, style, inner, names, ctx);
      if (value === undefined) continue;
      if (col > limits.columns) throw tooLarge(`工作表「${sheet}」用到第 ${col} 列`, `sheet "${sheet}" uses column ${col}`, { sheet, limit: limits.columns, reason: 'columns' });
      if (cellRow > limits.rows) throw tooLarge(`工作表「${sheet}」超过 ${limits.rows} 行`, `sheet "${sheet}" has more than ${limits.rows} rows`, { sheet, limit: limits.rows, reason: 'rows' });
      if (++ctx.cells > limits.cells) throw tooLarge(`超过 ${limits.cells} 个单元格`, `more than ${limits.cells} cells`, { sheet, limit: limits.cells, reason: 'cells' });
      if (typeof value === 'string') options.onText?.(value.length, sheet, cellRow - 1, col - 1);
      if (cellRow !== rowIndex) {
        row = grid[cellRow - 1] ??= [];
        rowIndex = cellRow;
      }
      row[col - 1] = value;
    }
  }
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  const merges = mergedAreas(xml, dataEnd, grid, limits);
  // A merge's copies are text the check reads once more: the text budget counts them too.
  const onFill = options.onText && ((value: unknown, r: number, c: number) => typeof value === 'string' && options.onText!(value.length, sheet, r, c));
  return { grid: merges.length ? fillMergedDown(grid, merges, onFill) : grid, merges, hiddenRows };
}

/** The sheet's merged areas; cells inside an area other than its top-left one are emptied (Excel
 *  shows only the top-left value). Areas are kept as in the file, within Excel's limits. */
function mergedAreas(xml: string, from: number, grid: Grid, limits: ReadLimits): string[] {
  const at = xml.indexOf('mergeCell', Math.max(0, from));
  if (at < 0) return [];
  const merges: string[] = [];
  for (const tag of tags(xml.slice(Math.max(0, at - 10)), 'mergeCell')) {
    const ref = attributes(tag).get('ref');
    const m = ref ? /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(ref) : null;
    if (!m) continue;
    const [left, top, right, bottom] = [columnOf(m[1]), Number(m[2]), columnOf(m[3]), Number(m[4])];
    if (top < 1 || left < 1 || bottom < top || right < left || bottom > limits.rows || right > limits.columns) continue;
    merges.push(ref as string);
    for (let r = top - 1; r < Math.min(bottom, grid.length); r++) {
      const row = grid[r];
      for (let c = left - 1; c < Math.min(right, row.length); c++) if (r !== top - 1 || c !== left - 1) row[c] = undefined;
    }
  }
  return merges;
}

/** Reads an `.xlsx`/`.xlsm` zip (already known to hold a workbook part) into grids. */
export function readXlsxGrids(zip: Zip, workbookPart: string, options: ReadOptions = {}): SheetGrid[] {
  const bookXml = zip.text(workbookPart);
  if (bookXml === undefined) throw damaged('no workbook part');
  const rels = relationships(zip, workbookPart);
  const date1904 = [...tags(bookXml, 'workbookPr')].some((tag) => /^(1|true)$/i.test(attributes(tag).get('date1904') ?? ''));
  const sheets: SheetEntry[] = [];
  let chartSheets = 0;
  for (const tag of tags(bookXml, 'sheet')) {
    const a = attributes(tag);
    const rel = rels.get(localAttribute(a, 'id') ?? '');
    if (!rel || a.get('name') === undefined) continue;
    if (/\/chartsheet$/.test(rel.type) || /chartsheets\//.test(rel.target)) {
      chartSheets++;
      continue;
    }
    if (!/\/worksheet$/.test(rel.type) && !/worksheets\//.test(rel.target)) continue;
    const state = a.get('state');
    sheets.push({ name: a.get('name') as string, part: rel.target, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  if (sheets.length === 0) throw chartSheets > 0 ? refuse('chartOnly') : damaged('no worksheet');
  const relOf = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback;
  const ctx: Context = {
    shared: sharedStrings(zip.text(relOf('/sharedStrings', 'xl/sharedStrings.xml'))),
    dateStyle: dateStyles(zip.text(relOf('/styles', 'xl/styles.xml'))),
    date1904,
    limits: limitsOf(options),
    options,
    cells: 0,
  };
  const skip = new Set(options.skipSheets ?? []);
  const grids: SheetGrid[] = [];
  for (const sheet of sheets) {
    if (skip.has(sheet.name)) continue;
    const xml = zip.text(sheet.part);
    if (xml === undefined) throw damaged(`工作表「${sheet.name}」缺失`);
    const scanned = scanWorksheet(xml, sheet.name, ctx);
    grids.push({
      name: sheet.name,
      grid: scanned.grid,
      merges: scanned.merges,
      date1904,
      hidden: sheet.hidden,
      hiddenRows: scanned.hiddenRows,
    });
  }
  return grids;
}
