// What the pane sends on 报送: the records of the checked tracker for the chosen month.
import type { SubmissionRequest } from '../../shared/api';
import type { CheckReport, IsoMonth } from '../../shared/types';

export interface SubmissionTarget {
  campaignId: string;
  provinceId: string;
  month: IsoMonth;
}

/** The whole tracker goes up each month (the server keeps versions and answers duplicates idempotently). */
export function submissionRequest(report: CheckReport, target: SubmissionTarget): SubmissionRequest {
  return {
    campaignId: target.campaignId,
    provinceId: target.provinceId,
    month: target.month,
    records: report.records,
    source: { file: report.file, sheet: report.sheet },
    // So the server's issues name cells (C7), not only rows: a single-sheet tracker's column letters.
    ...(report.parts && report.parts.length > 1 ? {} : { columns: report.columns }),
  };
}
