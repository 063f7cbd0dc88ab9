// The HTTP API's JSON shapes (public contract), shared by the functions, the task pane and the CLI.
import type { ColumnMap, IsoDate, IsoMonth, Issue, PointCompleteness, TrackerRecord, TypeCode } from './types';

/** The content type of `.xlsx` bodies and downloads. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every error answer: `{ error: { code, message, details? } }`, message in Chinese. */
export interface ApiError {
  error: { code: string; message: string; messageEn?: string; details?: unknown };
}

export interface SubmissionRequest {
  campaignId: string;
  provinceId: string;
  month: IsoMonth;
  records: TrackerRecord[];
  source?: { file?: string; sheet?: string };
  /** The tracker's column letters by field, so issues can name cells (optional). */
  columns?: ColumnMap;
}

export interface SubmissionResponse {
  submissionId: string;
  version: number;
  recordCount: number;
  issues: Issue[];
  /** True when the same content was already submitted: nothing new was stored. */
  duplicate?: boolean;
}

export interface SubmissionSummary {
  submissionId: string;
  campaignId: string;
  provinceId: string;
  month: IsoMonth;
  version: number;
  recordCount: number;
  errorCount: number;
  warningCount: number;
  /** ISO instant the server received it. */
  submittedAt: string;
  late: boolean;
  source?: { file?: string; sheet?: string };
}

/** `GET /api/submissions`: newest first. */
export interface SubmissionListResponse {
  campaignId: string;
  submissions: SubmissionSummary[];
}

export interface SubmissionDetail extends SubmissionSummary {
  records: TrackerRecord[];
  issues: Issue[];
}

export interface ProvinceSubmissionStatus {
  provinceId: string;
  name: string;
  submitted: boolean;
  version: number | null;
  submittedAt: string | null;
  late: boolean;
}

export interface AggregatePoint extends PointCompleteness {
  provinceName: string;
}

/** A current record with where it came from. */
export interface AggregateRecord extends TrackerRecord {
  provinceId: string;
  submissionId: string;
  issues: Issue[];
}

export interface AggregateResponse {
  campaignId: string;
  month: IsoMonth;
  /** Completeness is computed as of the month's last day. */
  asOf: IsoDate;
  /** In the aggregate, `requirements[].rows` are 1-based positions in `records` (sheet rows repeat across provinces). */
  points: AggregatePoint[];
  provinces: ProvinceSubmissionStatus[];
  records: AggregateRecord[];
  countsByType: Partial<Record<TypeCode, number>>;
}

/** GET /api/aggregate?view=lean: everything but the records (`requirements[].rows` empty); the
 *  records come from GET /api/aggregate/records in pages. */
export interface LeanAggregate extends Omit<AggregateResponse, 'records'> {
  recordCount: number;
}

/** GET /api/aggregate/records: one page, in the full aggregate's order; `continuation` null at the end. */
export interface AggregateRecordsPage {
  records: AggregateRecord[];
  continuation: string | null;
}
