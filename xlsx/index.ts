// `.xlsx` I/O with exceljs, browser-safe (bytes in, bytes out): shared by the CLI and the task pane.
export { WorkbookError, type WorkbookErrorCode } from './workbook-error';
export { loadWorkbook, readWorkbookGrids, sheetGrid, workbookGrids, worksheetGrid, type SheetGrid } from './read-grids';
export { renderSheetModel } from './render-sheet';
export { applyAnnotations, fillToken, noteText } from './annotate';
export { buildTemplate } from './template';
export { checkWorkbook, type CheckWorkbookOptions } from './check-workbook';
export { writeCheckedWorkbook } from './checked-workbook';
