// Why a report cannot be built, in Chinese for users with an English counterpart and a stable code.
export type ReportErrorCode = 'report-month-invalid' | 'report-campaign-mismatch';

export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}
