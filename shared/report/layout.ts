// A small writer of document-like sheets laid out for the printed page (A4, no shrinking): lines of
// text, headings, bordered tables with wrapped cells and pictures stacked top to bottom, each row
// given the height its lines need, and page breaks placed so a table or a picture is not cut.
// Produces a SheetModel; every style range it emits is disjoint from the others.
import { columnLetter } from '../columns';
import type { CellStyle, ChartSpec, ConditionalFormat, SheetModel, SheetPicture } from '../sheet-model';
import type { CellValue } from '../types';

/** The faces of the printed report: every Windows and WPS machine has them. */
export const PRINT_FONTS = { title: '黑体', heading: '黑体', body: '宋体' } as const;
/** Points: 小二 title, 四号 headings, 小四 paragraphs, 11 pt tables (never under 五号 10.5 pt). */
export const PRINT_SIZES = { title: 18, subtitle: 14, heading: 14, body: 12, table: 11 } as const;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code > 0xffff
  );
}

/** Display width in "0"-widths: CJK and full-width forms take two, the rest one. */
export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    w += isWide(code) ? 2 : 1;
  }
  return w;
}

// Closing marks stay with what they close: a line never starts with one.
const CLOSING = '，。、；：？！）」』】》〉”’％·…—';
const TOKEN = new RegExp(`(?:[0-9A-Za-z.%\\-:/]+|[\\s\\S])[${CLOSING}]*`, 'gu');
const TRAILING_CLOSING = new RegExp(`[${CLOSING}]+$`, 'u');

/** Breaks a paragraph into lines of at most `width`; closing marks may overhang it. */
export function breakLines(text: string, width: number): string[] {
  // Latin words and numbers (2017年, 66.7%) are not split, and closing marks stick to what they
  // close, so a line never starts with 「。」 or 「）」 (nor is one left alone on a line).
  const tokens = text.match(TOKEN) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const body = token.replace(TRAILING_CLOSING, '') || token;
    if (line !== '' && textWidth(line + body) > width) {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  if (line !== '') lines.push(line);
  return lines;
}

// Column widths are in "0"-widths of the default 11 pt font: 7 px each plus 5 px of padding.
const columnPixels = (width: number): number => Math.floor(width * 7 + 5);
// One "0"-width of text at `size` pt, in pixels: a CJK character is two, 4/3 px per point; and
// 12% more, since Latin letters and digits in CJK faces (宋体 without SimSun falls back to one)
// run wider than half an em.
const unitPixels = (size: number): number => ((size * 4) / 3 / 2) * 1.12;

/** How many text-width units fit in `pixels` at `size` pt (a little held back for padding). */
export function unitsIn(pixels: number, size: number): number {
  return Math.max(1, Math.floor((pixels - 6) / unitPixels(size)));
}

/** Lines a wrapped cell needs: each of its own lines, broken to the column. */
export function wrappedLines(value: CellValue, columnWidth: number, size: number): number {
  if (value === null || value === undefined || value === '') return 1;
  const capacity = unitsIn(columnPixels(columnWidth), size);
  let lines = 0;
  for (const part of String(value).split('\n')) lines += Math.max(1, Math.ceil(textWidth(part) / capacity));
  return lines;
}

/** Row height in points for `lines` lines of `size` pt text (CJK faces want about 1.3 em). */
export function linesHeight(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.3 + 4);
}

/** The height a row of wrapped cells needs at `size` pt. */
export function rowHeight(values: readonly CellValue[], widths: readonly number[], size: number): number {
  let lines = 1;
  values.forEach((v, i) => (lines = Math.max(lines, wrappedLines(v, widths[i] ?? 10, size))));
  return linesHeight(lines, size);
}

export interface TableSpec {
  caption?: string;
  /** First column of the table (0-based). */
  firstColumn?: number;
  header: string[];
  body: CellValue[][];
  /** Rows after the body in bold (合计). */
  totals?: CellValue[][];
  /** Number formats by table column (0-based within the table). */
  formats?: Record<number, string>;
  /** Conditional formats by table column. */
  highlight?: { column: number; equals: string; style: CellStyle }[];
  /** Data bars by table column, over body and totals; `max` fixes the scale (1 for a rate). */
  bars?: { column: number; color: string; max?: number }[];
  /** Columns (within the table) whose cells are centred. */
  centred?: number[];
}

/** Where a written table landed, in 1-based sheet rows. */
export interface TablePlacement {
  headerRow: number;
  firstBodyRow: number;
  lastBodyRow: number;
  lastRow: number;
}

export interface PageSpec {
  /** Printable height of a page in points (paper less margins, header and footer). */
  height: number;
}

/** A4 portrait, 0.75 in top and bottom margins, a footer line. */
export const A4_PORTRAIT: PageSpec = { height: 842 - 2 * 54 - 24 };

export class SheetLayout {
  private readonly rows: CellValue[][] = [];
  private readonly heights: Record<number, number> = {};
  private readonly styles: Record<string, CellStyle> = {};
  private readonly merges: string[] = [];
  private readonly numberFormats: Record<string, string> = {};
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly dataBars: { range: string; color: string; max?: number }[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly pictures: SheetPicture[] = [];
  private readonly pageBreaks: number[] = [];
  /** Points used on the current page. */
  private used = 0;

  constructor(
    private readonly name: string,
    private readonly columnWidths: number[],
    private readonly page: PageSpec = A4_PORTRAIT,
  ) {}

  get columns(): number {
    return this.columnWidths.length;
  }

  /** The sheet row the next write lands on. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Width of the printed text block in pixels. */
  get blockPixels(): number {
    return this.columnWidths.reduce((s, w) => s + columnPixels(w), 0);
  }

  /** Units of text a full-width line holds at `size` pt; a little less, as fonts differ between Excel and WPS. */
  private lineWidth(size: number): number {
    return Math.floor(unitsIn(this.blockPixels, size) * 0.95);
  }

  private lastColumn(): string {
    return columnLetter(this.columns - 1);
  }

  private push(values: CellValue[], height: number): number {
    this.rows.push(values);
    const row = this.rows.length;
    this.heights[row] = height;
    this.used += height;
    return row;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keepTogether(height: number): void {
    if (this.used > 0 && this.used + height > this.page.height) {
      this.pageBreaks.push(this.rows.length);
      this.used = 0;
    }
  }

  blank(height = 8): void {
    // A gap at the top of a page is wasted: leave it out there.
    if (this.used === 0) return;
    this.push([], height);
  }

  /** One line across the whole width (merged). */
  line(text: string, style: CellStyle = {}): number {
    const size = style.fontSize ?? PRINT_SIZES.body;
    const row = this.push([text], linesHeight(1, size));
    this.merges.push(`A${row}:${this.lastColumn()}${row}`);
    this.styles[`A${row}`] = { fontName: PRINT_FONTS.body, fontSize: size, ...style };
    return row;
  }

  /** A heading kept on the page of the text that follows it. */
  heading(text: string): void {
    this.keepTogether(linesHeight(1, PRINT_SIZES.heading) + 3 * linesHeight(1, PRINT_SIZES.body));
    this.line(text, { bold: true, fontName: PRINT_FONTS.heading, fontSize: PRINT_SIZES.heading });
  }

  /** A paragraph: first line indented by two ideographic spaces, broken to the text width. */
  paragraph(text: string, indent = true, size: number = PRINT_SIZES.body): void {
    const lines = breakLines((indent ? '\u3000\u3000' : '') + text, this.lineWidth(size));
    // No widow: a paragraph of up to three lines stays on one page.
    if (lines.length <= 3) this.keepTogether(lines.length * linesHeight(1, size));
    for (const l of lines) {
      this.keepTogether(linesHeight(1, size));
      this.line(l, { fontSize: size });
    }
  }

  /** A boxed area of at least `height` rows across the whole width, holding `text` broken into lines. */
  box(lines: string[], height: number): void {
    const size = PRINT_SIZES.body;
    const broken = lines.flatMap((l) => breakLines(l, this.lineWidth(size)));
    const count = Math.max(height, broken.length);
    this.keepTogether(count * linesHeight(1, size));
    const first = this.nextRow;
    for (let i = 0; i < count; i++) this.push([broken[i] ?? null], linesHeight(1, size));
    const last = this.nextRow - 1;
    this.merges.push(...Array.from({ length: last - first + 1 }, (_, i) => `A${first + i}:${this.lastColumn()}${first + i}`));
    this.styles[`A${first}:${this.lastColumn()}${last}`] = { border: true, fontName: PRINT_FONTS.body, fontSize: size };
  }

  /** A picture (a chart) across the text block, with its caption below, kept on one page. */
  picture(id: string, width: number, height: number, caption: string): void {
    // Narrower than the block: LibreOffice and WPS draw columns a little narrower than Excel, and a
    // picture past the last column prints on a page of its own.
    const scale = Math.min(1, (this.blockPixels * 0.85) / width);
    const w = Math.floor(width * scale);
    const h = Math.floor(height * scale);
    // Pixels to points: 3/4.
    const rowPoints = Math.ceil((h * 3) / 4) + 6;
    this.keepTogether(rowPoints + linesHeight(1, PRINT_SIZES.table));
    const row = this.push([], rowPoints);
    const left = Math.max(0, Math.floor((this.blockPixels - w) / 2));
    this.pictures.push({ id, cell: `A${row}`, width: w, height: h, ...(left > 0 ? { offsetX: left } : {}) });
    this.line(caption, { bold: true, fontName: PRINT_FONTS.heading, fontSize: PRINT_SIZES.table, align: 'center' });
  }

  table(spec: TableSpec): TablePlacement {
    const size = PRINT_SIZES.table;
    const c0 = spec.firstColumn ?? 0;
    const width = spec.header.length;
    const col = (i: number): string => columnLetter(c0 + i);
    const widths = this.columnWidths.slice(c0, c0 + width);
    const shift = (values: CellValue[]): CellValue[] => [...Array<CellValue>(c0).fill(null), ...values];
    const shown = (values: CellValue[]): CellValue[] =>
      values.map((v, i) => (typeof v === 'number' && spec.formats?.[i]?.includes('%') ? `${(v * 100).toFixed(1)}%` : v));
    const heightOf = (values: CellValue[]): number => rowHeight(shown(values), widths, size);
    const body = [...spec.body, ...(spec.totals ?? [])];
    const captionHeight = spec.caption ? linesHeight(1, size) : 0;
    const whole = captionHeight + heightOf(spec.header) + body.reduce((s, v) => s + heightOf(v), 0);
    // A table that fits on a page is kept whole; a longer one starts with at least two rows.
    this.keepTogether(
      whole <= this.page.height ? whole : captionHeight + heightOf(spec.header) + body.slice(0, 2).reduce((s, v) => s + heightOf(v), 0),
    );
    if (spec.caption) {
      const row = this.push(shift([spec.caption]), captionHeight);
      this.merges.push(`${col(0)}${row}:${col(width - 1)}${row}`);
      this.styles[`${col(0)}${row}`] = { bold: true, align: 'center', fontName: PRINT_FONTS.heading, fontSize: size };
    }
    const headerRow = this.push(shift(spec.header), heightOf(spec.header));
    this.styles[`${col(0)}${headerRow}:${col(width - 1)}${headerRow}`] = {
      bold: true,
      fill: '#DDE4EE',
      border: true,
      align: 'center',
      wrap: true,
      fontName: PRINT_FONTS.body,
      fontSize: size,
    };
    const firstBodyRow = this.nextRow;
    for (const values of spec.body) {
      this.keepTogether(heightOf(values));
      this.push(shift(values), heightOf(values));
    }
    const lastBodyRow = this.nextRow - 1;
    for (const values of spec.totals ?? []) this.push(shift(values), heightOf(values));
    const lastRow = this.nextRow - 1;
    const base: CellStyle = { border: true, wrap: true, fontName: PRINT_FONTS.body, fontSize: size };
    if (lastBodyRow >= firstBodyRow) this.styleColumns(c0, width, firstBodyRow, lastBodyRow, base, spec.centred);
    if (lastRow > lastBodyRow) this.styleColumns(c0, width, lastBodyRow + 1, lastRow, { ...base, bold: true }, spec.centred);
    if (lastRow >= firstBodyRow) {
      for (const [i, format] of Object.entries(spec.formats ?? {})) {
        this.numberFormats[`${col(Number(i))}${firstBodyRow}:${col(Number(i))}${lastRow}`] = format;
      }
      for (const h of spec.highlight ?? []) {
        this.conditionalFormats.push({
          range: `${col(h.column)}${firstBodyRow}:${col(h.column)}${lastRow}`,
          equals: h.equals,
          style: h.style,
        });
      }
      for (const b of spec.bars ?? []) {
        this.dataBars.push({
          range: `${col(b.column)}${firstBodyRow}:${col(b.column)}${lastRow}`,
          color: b.color,
          ...(b.max !== undefined ? { max: b.max } : {}),
        });
      }
    }
    return { headerRow, firstBodyRow, lastBodyRow, lastRow };
  }

  /** Body styles per column run, so centred columns get their own disjoint ranges. */
  private styleColumns(c0: number, width: number, from: number, to: number, base: CellStyle, centred: number[] = []): void {
    let start = 0;
    for (let i = 1; i <= width; i++) {
      const split = i === width || centred.includes(i) !== centred.includes(start);
      if (!split) continue;
      const style = centred.includes(start) ? { ...base, align: 'center' as const } : { ...base, align: 'left' as const };
      this.styles[`${columnLetter(c0 + start)}${from}:${columnLetter(c0 + i - 1)}${to}`] = style;
      start = i;
    }
  }

  chart(chart: ChartSpec): void {
    this.charts.push(chart);
  }

  build(extra: Pick<SheetModel, 'print'>): SheetModel {
    const width = this.columns;
    return {
      name: this.name,
      rows: this.rows.map((r) => (r.length < width ? [...r, ...Array<CellValue>(width - r.length).fill(null)] : r)),
      headerRows: [],
      columnWidths: [...this.columnWidths],
      numberFormats: this.numberFormats,
      conditionalFormats: this.conditionalFormats,
      styles: this.styles,
      merges: this.merges,
      dataBars: this.dataBars,
      charts: this.charts,
      rowHeights: this.heights,
      pageBreaks: this.pageBreaks,
      pictures: this.pictures,
      ...extra,
    };
  }
}
