// Why an input cannot be used as a tracker workbook. The CLI turns these into exit status 2; the
// task pane shows `message` (Chinese) to the user.

export type WorkbookErrorCode =
  | 'not-a-workbook'
  | 'legacy-or-encrypted'
  | 'sheet-not-found'
  | 'no-tracker';

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}
