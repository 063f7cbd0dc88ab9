// A small writer of document-like sheets: lines of text, headings and bordered tables stacked
// top to bottom, producing a SheetModel. Text is pre-broken into lines (no wrap support needed
// in either renderer), and every style range it emits is disjoint from the others.
import { columnLetter } from '../columns';
import type { CellStyle, ChartSpec, ConditionalFormat, SheetModel } from '../sheet-model';
import type { CellValue } from '../types';

const TABLE_HEADER: CellStyle = { bold: true, fill: '#DDE4EE', border: true, align: 'center' };
const TABLE_BODY: CellStyle = { border: true };
const TABLE_TOTAL: CellStyle = { bold: true, border: true };

/** Display width in "0"-widths: CJK and full-width forms take two, the rest one. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

/** Breaks a paragraph into lines of at most `width`; closing marks may overhang it. */
export function breakLines(text: string, width: number): string[] {
  // Latin words and numbers (2017年, 66.7%) are not split, and closing marks stick to what they
  // close, so a line never starts with 「。」 or 「）」 (nor is one left alone on a line).
  const tokens = text.match(/(?:[0-9A-Za-z.%\-:/]+|[\s\S])[，。、；：？！）」』】》〉”’％·…—]*/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const body = token.replace(/[，。、；：？！）」』】》〉”’％·…—]+$/u, '') || token;
    if (line !== '' && textWidth(line + body) > width) {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  if (line !== '') lines.push(line);
  return lines;
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
  /** Data bars by table column, over body and totals. */
  bars?: { column: number; color: string }[];
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

export class SheetLayout {
  private readonly rows: CellValue[][] = [];
  private readonly styles: Record<string, CellStyle> = {};
  private readonly merges: string[] = [];
  private readonly numberFormats: Record<string, string> = {};
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly dataBars: { range: string; color: string }[] = [];
  private readonly charts: ChartSpec[] = [];

  constructor(
    private readonly name: string,
    private readonly columnWidths: number[],
  ) {}

  get columns(): number {
    return this.columnWidths.length;
  }

  /** The sheet row the next write lands on. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Width of the printed text block, in "0"-widths. */
  get textBlockWidth(): number {
    return this.columnWidths.reduce((s, w) => s + w, 0);
  }

  /** A little narrower than the columns: merged cells clip, and fonts differ between Excel and WPS. */
  private lineWidth(): number {
    return Math.floor(this.textBlockWidth * 0.95);
  }

  private lastColumn(): string {
    return columnLetter(this.columns - 1);
  }

  private push(values: CellValue[]): number {
    this.rows.push(values);
    return this.rows.length;
  }

  blank(): void {
    this.push([]);
  }

  /** One line across the whole width (merged), optionally styled. */
  line(text: string, style?: CellStyle): number {
    const row = this.push([text]);
    this.merges.push(`A${row}:${this.lastColumn()}${row}`);
    if (style) this.styles[`A${row}`] = style;
    return row;
  }

  /** A paragraph: first line indented by two ideographic spaces, broken to the text width. */
  paragraph(text: string, indent = true): void {
    const width = this.lineWidth();
    for (const l of breakLines((indent ? '\u3000\u3000' : '') + text, width)) this.line(l);
  }

  /** A boxed area of `height` rows across the whole width, holding `text` broken into lines. */
  box(lines: string[], height: number): void {
    const first = this.nextRow;
    const width = this.lineWidth();
    const broken = lines.flatMap((l) => breakLines(l, width));
    for (let i = 0; i < Math.max(height, broken.length); i++) this.push([broken[i] ?? null]);
    const last = this.nextRow - 1;
    this.merges.push(...Array.from({ length: last - first + 1 }, (_, i) => `A${first + i}:${this.lastColumn()}${first + i}`));
    this.styles[`A${first}:${this.lastColumn()}${last}`] = { border: true };
  }

  table(spec: TableSpec): TablePlacement {
    const c0 = spec.firstColumn ?? 0;
    const width = spec.header.length;
    const col = (i: number): string => columnLetter(c0 + i);
    const shift = (values: CellValue[]): CellValue[] => [...Array<CellValue>(c0).fill(null), ...values];
    if (spec.caption) {
      const row = this.push(shift([spec.caption]));
      this.merges.push(`${col(0)}${row}:${col(width - 1)}${row}`);
      this.styles[`${col(0)}${row}`] = { bold: true, align: 'center' };
    }
    const headerRow = this.push(shift(spec.header));
    this.styles[`${col(0)}${headerRow}:${col(width - 1)}${headerRow}`] = TABLE_HEADER;
    const firstBodyRow = this.nextRow;
    for (const values of spec.body) this.push(shift(values));
    const lastBodyRow = this.nextRow - 1;
    for (const values of spec.totals ?? []) this.push(shift(values));
    const lastRow = this.nextRow - 1;
    if (lastBodyRow >= firstBodyRow) {
      this.styleColumns(c0, width, firstBodyRow, lastBodyRow, TABLE_BODY, spec.centred);
    }
    if (lastRow > lastBodyRow) this.styleColumns(c0, width, lastBodyRow + 1, lastRow, TABLE_TOTAL, spec.centred);
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
        this.dataBars.push({ range: `${col(b.column)}${firstBodyRow}:${col(b.column)}${lastRow}`, color: b.color });
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
      const style = centred.includes(start) ? { ...base, align: 'center' as const } : base;
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
      ...extra,
    };
  }
}
