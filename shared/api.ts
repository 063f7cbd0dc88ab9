// The HTTP API's JSON shapes (public contract), shared by the functions, the task pane and the CLI.
import type { ColumnMap, IsoDate, IsoMonth, Issue, PointCompleteness, TrackerRecord, TypeCode } from './types';

/** The content type of `.xlsx` bodies and downloads. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
  month?: IsoMonth;
  /** 逾期: stored after the month's deadline. */
  late?: boolean;
  /** The snapshot this one replaced for the month (null: the first for the province up to it). */
  replaces?: ReplacedSnapshot | null;
  diff?: SnapshotDiffView;
}

/** A stored version a submission replaces: the one standing for its month (shared/snapshots.ts). */
export interface ReplacedSnapshot {
  submissionId: string;
  month: IsoMonth;
  version: number;
  recordCount: number;
}

/** shared/diff-snapshots' diff as the API sends it: counts always, lists cut at `DIFF_LIST_LIMIT`. */
export interface SnapshotDiffView {
  previousCount: number;
  nextCount: number;
  addedCount: number;
  removedCount: number;
  changedCount: number;
  unchanged: number;
  added: TrackerRecord[];
  removed: TrackerRecord[];
  changed: { previous: TrackerRecord; next: TrackerRecord; fields: string[] }[];
  /** True when a list holds fewer entries than its count. */
  truncated: boolean;
}

export const DIFF_LIST_LIMIT = 200;

/** `GET /api/me`: the role of the key that asks, and its province. */
export type KeyIdentity = { role: 'central' } | { role: 'province'; provinceId: string; provinceName: string };

/** `POST /api/submissions?dryRun=1`: what the submission would do; nothing is stored. */
export interface SubmissionPreview {
  dryRun: true;
  campaignId: string;
  provinceId: string;
  month: IsoMonth;
  recordCount: number;
  replaces: ReplacedSnapshot | null;
  diff: SnapshotDiffView;
  /** Storing it removes records (or empties the snapshot): send `confirm=<confirm>` to go ahead. */
  needsConfirmation: boolean;
  confirm: string | null;
  /** The same content is already the month's current version: storing would change nothing. */
  duplicate: boolean;
  completeness: { before: PointCompleteness[]; after: PointCompleteness[] };
  issues: Issue[];
  /** The month's deadline (China time), and whether storing now would be 逾期. */
  due: IsoDate;
  late: boolean;
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
  /** sha256 of the month and records: equal hashes, equal content. */
  contentHash?: string;
  /** The kind of key that stored it: `central` or `province:<provinceId>`. */
  submittedBy?: string;
  /** Whether this is its month's newest version (the one snapshots read). */
  current?: boolean;
}

/** One province's month: its versions, newest first, and the one that counts. */
export interface SubmissionMonth {
  provinceId: string;
  month: IsoMonth;
  currentVersion: number;
  versions: number[];
}

/** `GET /api/submissions`: newest first, and grouped by province and month. */
export interface SubmissionListResponse {
  campaignId: string;
  submissions: SubmissionSummary[];
  months?: SubmissionMonth[];
}

export interface SubmissionDetail extends SubmissionSummary {
  records: TrackerRecord[];
  issues: Issue[];
}

/** The stored version the aggregate read for a province: the newest version of the latest month
 *  up to the aggregate's month that the province submitted (shared/snapshots.ts). */
export interface ProvinceSnapshot {
  month: IsoMonth;
  version: number;
  submissionId: string;
  recordCount: number;
}

export interface ProvinceSubmissionStatus {
  provinceId: string;
  name: string;
  /** Whether the province submitted FOR this month; `version`/`submittedAt`/`late` are of that submission. */
  submitted: boolean;
  version: number | null;
  submittedAt: string | null;
  late: boolean;
  /** The snapshot whose records count for the province (possibly an earlier month's), null when none. */
  snapshot?: ProvinceSnapshot | null;
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
