// Workbook I/O, browser-safe (bytes in, bytes out): the reading layer for every format, and the
// exceljs writers. Shared by the CLI, the API and the task pane. (The CLI imports modules one by
// one, so that a command loads only what it uses.)
export { WorkbookError, type WorkbookErrorCode } from './workbook-error';
export { loadWorkbook, readWorkbook, readWorkbookGrids, sheetGrid, workbookGrids, worksheetGrid, type ReadOptions, type ReadWorkbook, type SheetGrid, type SourceFormat } from './read-grids';
export { openForWriting, workbookFromGrids } from './open-for-writing';
export { renderSheetModel } from './render-sheet';
export { applyAnnotations, fillToken, noteText } from './annotate';
export { buildTemplate } from './template';
export { checkWorkbook, type CheckWorkbookOptions } from './check-workbook';
export { writeCheckedWorkbook } from './checked-workbook';
