// Why an input cannot be used as a tracker workbook. The CLI turns these into exit status 2; the
// API into 400/413 (`details.reason` = the code); the task pane shows `message` (Chinese).

export type WorkbookErrorCode =
  | 'not-a-workbook'
  | 'empty-file'
  | 'encrypted'
  | 'no-worksheet'
  | 'damaged'
  | 'too-large'
  | 'sheet-not-found'
  | 'no-tracker';

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly messageEn: string,
    /** Where, or how much: the sheet, the limit passed… */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
