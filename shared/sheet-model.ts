// Declarative descriptions of what we write into workbooks. `shared/` decides the content; the
// renderers (exceljs for `.xlsx` files, office.js for Excel) only apply it, so every workbook we
// write looks the same whoever writes it.
import type { CellValue, Severity } from './types';

/** Colours as `#RRGGBB`. */
export interface CellStyle {
  fill?: string;
  font?: string;
  bold?: boolean;
  /** Points; for titles of printed reports. */
  fontSize?: number;
  /** A face every Windows/WPS machine has (宋体, 黑体, 仿宋); unset keeps the workbook's. */
  fontName?: string;
  align?: 'left' | 'center' | 'right';
  /** A thin border around each cell, for printed tables. */
  border?: boolean;
  /** Wrap long text inside the column's width. */
  wrap?: boolean;
}

/** The look of the tables we write, the same in both renderers: header rows, and thin borders from
 *  the first header row down. */
export const TABLE_HEADER_STYLE: CellStyle = { fill: '#D9E1F2', bold: true };
export const TABLE_BORDER_COLOR = '#B4B4B4';

/** A fill and a note on one cell of a tracker, for the problems found there. */
export interface CellAnnotation {
  /** A1 address on the tracker sheet. */
  cell: string;
  severity: Severity;
  /** Every problem of the cell, one per line, Chinese. */
  note: string;
}

/** A conditional format whose formula keeps the highlight true while people edit. */
export interface ConditionalFormat {
  /** A1 range, e.g. `C2:E13`. */
  range: string;
  /** The cell text that triggers the style (e.g. 未完成). */
  equals: string;
  style: CellStyle;
}

/** A whole sheet we own and rewrite (完成情况, 汇总, 报送情况, reports). */
export interface SheetModel {
  name: string;
  /** Row-major values; row 0 is sheet row 1. Text is text: renderers never turn it into a formula. */
  rows: CellValue[][];
  /** 1-based sheet rows holding column headers (bold, filled). */
  headerRows: number[];
  freezeRows?: number;
  columnWidths?: number[];
  /** Number formats by A1 range, e.g. `{ 'C2:C100': 'yyyy-mm-dd' }`. */
  numberFormats?: Record<string, string>;
  conditionalFormats?: ConditionalFormat[];
  /** Static styles by A1 address or range. */
  styles?: Record<string, CellStyle>;
  /** Merged ranges, e.g. `A1:F1` for a title. */
  merges?: string[];
  /** In-cell bars (a conditional format both renderers support), e.g. completion rates. With `max`,
   *  the bar's scale is fixed from 0 to it (1 for rates), so its length means the value. */
  dataBars?: { range: string; color: string; max?: number }[];
  /** Row heights in points by 1-based row, for wrapped or larger text (nothing autofits a written file). */
  rowHeights?: Record<number, number>;
  /** 1-based rows after which the printed page breaks (laid out so tables and pictures stay whole). */
  pageBreaks?: number[];
  /** Pictures the writer draws (the report's charts, by id), each at a cell, in pixels. */
  pictures?: SheetPicture[];
  /** Charts; Excel draws them, the `.xlsx` writer (exceljs has no charts) relies on `dataBars` instead. */
  charts?: ChartSpec[];
  /** Print layout for reports: A4, orientation, fit to width, rows repeated on each page. */
  print?: { orientation: 'portrait' | 'landscape'; fitToWidth: boolean; repeatRows?: string; margins?: PrintMargins; footer?: string };
}

/** Page margins in inches. */
export interface PrintMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface SheetPicture {
  /** Which picture (e.g. a report chart id); the writer is given the bytes by id. */
  id: string;
  /** Top-left cell (A1). */
  cell: string;
  /** Pixels right of the cell's left edge (to centre the picture). */
  offsetX?: number;
  width: number;
  height: number;
}

export interface ChartSpec {
  type: 'bar' | 'column';
  title: string;
  /** A1 range of the category labels and of the values, on the same sheet. */
  categories: string;
  values: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}
