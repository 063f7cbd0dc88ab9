// The domain's data shapes. Ids, type codes, requirement ids, issue codes and the field names of
// TrackerRecord are public contract (API, CLI JSON, stored data): change them only with a migration.

/** An ISO calendar date, `YYYY-MM-DD`. Dates are days, never instants: no time zone can shift them. */
export type IsoDate = string;
/** A campaign month, `YYYY-MM`. */
export type IsoMonth = string;

/** The activity types a tracker records (DOMAIN.md, "Work content"). */
export const TYPE_CODES = [
  'lecture',
  'symposium',
  'branch-meeting',
  'veteran-visit',
  'grassroots-visit',
  'authority-liaison',
  'experience-summary',
  'self-chosen',
  'other',
] as const;
export type TypeCode = (typeof TYPE_CODES)[number];

export interface Province {
  id: string;
  name: string;
}

export interface LiaisonPoint {
  id: string;
  /** Full name, e.g. 民进贵州省毕节市工委. */
  name: string;
  /** The province whose organisation the point belongs to. */
  provinceId: string;
  /** Further coordinating provinces (a part-time vice chair's point outside their own province). */
  coordinatingProvinceIds?: string[];
  /** The leadership-group member assigned to the point; filled in by the central office. */
  leader?: string;
  /** The leader's office, e.g. 兼职副主席. */
  leaderTitle?: string;
  /** Extra names people write for the point (the matcher also derives short names itself). */
  aliases?: string[];
}

/** "At least `minCount` activities of any of `types` within the period." */
export interface Requirement {
  id: string;
  name: string;
  nameEn: string;
  minCount: number;
  types: TypeCode[];
}

export interface Campaign {
  id: string;
  name: string;
  period: { start: IsoDate; end: IsoDate };
  provinces: Province[];
  points: LiaisonPoint[];
  requirements: Requirement[];
  /** A month's submission is late when it arrives after this day of the following month. */
  submissionDueDay: number;
}

/** The record fields a tracker column can hold. */
export const FIELD_KEYS = [
  'liaisonPoint',
  'date',
  'type',
  'leader',
  'title',
  'participants',
  'summary',
  'publication',
  'materials',
  'filledBy',
  'remarks',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** Column letters by field, e.g. `{ date: 'C' }`. */
export type ColumnMap = Partial<Record<FieldKey, string>>;

/** One activity read from a tracker row. What could not be read is `null`. */
export interface TrackerRecord {
  /** The sheet the record was read from, set only when the tracker spans several sheets (one per
   *  month, say): `row` is then a row of this sheet. Absent for a single-sheet tracker. */
  sheet?: string;
  /** 1-based sheet row. */
  row: number;
  liaisonPointId: string | null;
  date: IsoDate | null;
  type: TypeCode | null;
  leader: string | null;
  title: string | null;
  participants: number | null;
  summary: string | null;
  /** For lectures: whether and where the content was published (会内媒体刊发). */
  publication: string | null;
  materials: string | null;
  filledBy: string | null;
  remarks: string | null;
  /** The cell texts as written, kept for messages and for reclassifying by hand. */
  liaisonPointText?: string | null;
  dateText?: string | null;
  typeText?: string | null;
  /** The participants cell as written, so an unreadable count can be reported. */
  participantsText?: string | null;
  /** The column (letter) of the one cell the whole record was read from, in a tracker that holds an
   *  activity per cell (a progress matrix): problems with any field point there. */
  column?: string;
}

export type Severity = 'error' | 'warning';

export const ISSUE_CODES = [
  'date-missing',
  'date-unreadable',
  'date-out-of-period',
  'point-missing',
  'point-unknown',
  'point-other-province',
  'type-missing',
  'type-unrecognised',
  'lecture-publication-missing',
  'leader-missing',
  'title-missing',
  'participants-invalid',
  'read-from-text',
  'read-as-matrix',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  /** As TrackerRecord.sheet: the record's sheet when the tracker spans several sheets. */
  sheet?: string;
  /** 1-based sheet row (of `sheet` when set). */
  row: number;
  /** A1 address of the offending cell, or null when the field has no column. */
  cell: string | null;
  field: FieldKey | null;
  severity: Severity;
  code: IssueCode;
  /** Chinese, for users: where (row, cell, the text written there), then what is wrong. */
  message: string;
  messageEn: string;
  /** What is wrong without where, for a form whose field already shows where (set by the validator). */
  problem?: string;
  problemEn?: string;
}

/** One sheet of a tracker that spans several: where its header is and how its columns map. */
export interface TrackerPart {
  sheet: string;
  headerRow: number;
  columns: ColumnMap;
  headers: Record<string, string>;
}

/** The result of finding and reading a tracker in a sheet's grid. With several sheets (`parts`),
 *  `sheet`, `headerRow`, `columns` and `headers` are those of the first. */
export interface TrackerRead {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: ColumnMap;
  /** The header texts found, by column letter (for showing the mapping to the user). */
  headers: Record<string, string>;
  records: TrackerRecord[];
  /** Every sheet read, in workbook order, when the tracker spans several sheets whose headers map
   *  the same fields (a sheet per month); every record then carries its `sheet`. Absent for one sheet. */
  parts?: TrackerPart[];
  /** Other sheets of the workbook that hold tracker records under a header mapping different
   *  fields: they were not read, so the user must be told. Absent when there are none. */
  otherSheets?: string[];
  /** How a sheet without a header naming dates and types was read: its sentences (`narrative`,
   *  a log of 「3月16日下午，罗副主席……」) or its cells by month (`matrix`, a 推进表). Absent for a
   *  tracker read by its header. */
  layout?: TrackerLayout;
}

export type TrackerLayout = 'narrative' | 'matrix';

export interface RequirementStatus {
  requirementId: string;
  done: boolean;
  /** Counting records (without errors), in date order. With several sheets these are rows of
   *  the sheet at the same index of `sheets`. */
  rows: number[];
  /** The sheet of each of `rows`, present only when the records carry sheets. */
  sheets?: string[];
  count: number;
  /** Date of the earliest counting activity. */
  firstDate: IsoDate | null;
}

export interface PointCompleteness {
  liaisonPointId: string;
  name: string;
  provinceId: string;
  complete: boolean;
  /** Requirement ids still missing. */
  missing: string[];
  requirements: RequirementStatus[];
  /** Counting activities by type (optional ones included). */
  countsByType: Partial<Record<TypeCode, number>>;
  lastActivityDate: IsoDate | null;
}

/** The `--json` output of `liaison-tracker check` (public contract). */
export interface CheckReport {
  file: string;
  sheet: string;
  headerRow: number;
  columns: ColumnMap;
  records: TrackerRecord[];
  issues: Issue[];
  completeness: PointCompleteness[];
  /** As TrackerRead.parts: the sheets read, when the tracker spans several. */
  parts?: TrackerPart[];
  /** As TrackerRead.otherSheets: sheets with tracker records that this check did not read. */
  otherSheets?: string[];
  /** As TrackerRead.layout: the tracker was read from sentences or as a progress matrix. */
  layout?: TrackerLayout;
}

/** A cell value as `range.values` (Excel) or an `.xlsx` reader gives it. */
export type CellValue = string | number | boolean | Date | null | undefined;
export type Grid = CellValue[][];

/**
 * One worksheet as every reader hands it to shared/ — the grid contract, the same for `.xlsx`,
 * `.xls`, `.ods`, `.csv` and Excel itself. Readers decide nothing about trackers; they only report
 * what the file holds:
 * - `grid`: row 0 is sheet row 1, column 0 is A. A number shown as a date (any built-in or custom
 *   date format, the CJK built-ins 27–36 and 50–58 included, formulas by their cached result) is a
 *   `Date` at UTC midnight with the workbook's date system already applied; rich text is its plain
 *   text; an error is its Excel text (`#N/A`). A merged area's value stands on each of its rows.
 * - `merges`: the merged areas as A1 ranges (`B4:B6`), as in the file, so a reader can tell a
 *   value repeated by a merge from one typed twice.
 * - `date1904`: the workbook counts serial numbers from 1904 (Mac Excel). A bare number that
 *   shared/ reads as a date must then be taken as a 1904 serial.
 * - `hidden`: the sheet is hidden or very hidden; `hiddenRows`: 0-based rows hidden in the sheet.
 */
export interface SheetGrid {
  name: string;
  grid: Grid;
  merges?: string[];
  date1904?: boolean;
  hidden?: boolean;
  hiddenRows?: number[];
}
