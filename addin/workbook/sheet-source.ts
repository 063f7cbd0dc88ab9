// What the browser mode's sheet view needs from a workbook: sizes, each cell as shown (text, fill,
// font colour, note) and one cell written back. MemoryWorkbook implements it over exceljs.
export interface CellView {
  text: string;
  /** #RRGGBB of a solid fill, as the cell is painted in Excel; null = none. */
  fill: string | null;
  /** #RRGGBB of the font, when the cell sets one. */
  color: string | null;
  note: string | null;
}

export interface SheetSource {
  /** Used rows and columns (1-based counts), at least 1 each. */
  size(sheet: string): { rows: number; cols: number };
  /** 1-based row and column. */
  cell(sheet: string, row: number, col: number): CellView;
  /** Column width in characters as the sheet sets it, or null for the default. */
  columnWidth(sheet: string, col: number): number | null;
  /** Writes what the user typed into the cell (text stays text; a date cell stays a date). */
  setCell(sheet: string, row: number, col: number, text: string): void;
}
