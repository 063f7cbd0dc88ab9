// The monthly report (月报) as data: every figure the sheet, the JSON API and the narrative show.
import type { IsoDate, IsoMonth, IssueCode, TypeCode } from '../types';

/** How far behind a point is for the time of year (see PACE_RULES). */
export type PaceLevel = 'behind' | 'attention';

/** "A required activity still missing once `minElapsed` of the period's months are over is `level`." */
export interface PaceRule {
  level: PaceLevel;
  /** 滞后 / 需关注 */
  label: string;
  labelEn: string;
  /** Share of the campaign's months elapsed (0–1) from which the rule applies. */
  minElapsed: number;
  /** Chinese, the time of year the share stands for, e.g. 第三季度末. */
  milestone: string;
}

export interface TypeCount {
  type: TypeCode;
  label: string;
  /** Counted by some requirement (规定动作) rather than optional (自选动作). */
  required: boolean;
  month: number;
  cumulative: number;
}

export interface MonthCount {
  month: IsoMonth;
  /** 5月 */
  label: string;
  count: number;
  /** Since the start of the period, up to and including this month. */
  cumulative: number;
}

export interface RequirementProgress {
  requirementId: string;
  name: string;
  done: boolean;
  /** Date of the earliest counting activity. */
  date: IsoDate | null;
  count: number;
  /** Set only for a missing requirement the pace rules flag. */
  pace: PaceLevel | null;
}

export interface PointProgress {
  liaisonPointId: string;
  name: string;
  provinceId: string;
  provinceName: string;
  leader: string | null;
  complete: boolean;
  requirements: RequirementProgress[];
  /** Names of the requirements still missing. */
  missing: string[];
  /** Counting activities this month / since the start of the period. */
  monthCount: number;
  cumulativeCount: number;
  /** Optional activities (自选动作), cumulative, by type. */
  optional: { type: TypeCode; label: string; count: number }[];
  optionalCount: number;
  lastActivityDate: IsoDate | null;
  /** Latest submission (ISO instant) of the point's province or a coordinating province. */
  lastSubmissionAt: string | null;
  pace: PaceLevel | null;
}

export interface RequirementCompletion {
  requirementId: string;
  name: string;
  /** Points that have done it. */
  done: number;
  /** Points that owe it. */
  due: number;
  rate: number;
}

export interface Completion {
  requirementsDone: number;
  requirementsDue: number;
  /** requirementsDone ÷ requirementsDue. */
  requirementRate: number;
  pointsComplete: number;
  pointCount: number;
  /** pointsComplete ÷ pointCount. */
  pointRate: number;
  byRequirement: RequirementCompletion[];
}

export type SubmissionState = 'on-time' | 'late' | 'missing';

export interface ProvinceReportStatus {
  provinceId: string;
  name: string;
  state: SubmissionState;
  /** 按时报送 / 逾期报送 / 未报送 */
  stateLabel: string;
  submittedAt: string | null;
  version: number | null;
  /** The snapshot the figures come from (month, version), when it is not this month's submission
   *  or there is none for this month: 2017年10月第3版. Null when the month's own version is used. */
  snapshotLabel: string | null;
  /** Current records of the province, and those of them with errors (not counted). */
  recordCount: number;
  errorRecordCount: number;
}

export interface NarrativeSection {
  /** 一、总体情况 … */
  heading: string;
  paragraphs: string[];
}

export interface MonthlyReport {
  campaignId: string;
  campaignName: string;
  month: IsoMonth;
  /** 2017年5月 */
  monthLabel: string;
  monthStart: IsoDate;
  /** Figures count activities dated up to this day (the month's last day). */
  asOf: IsoDate;
  period: { start: IsoDate; end: IsoDate };
  /** ISO instant. */
  generatedAt: string;
  /** Months of the period over by the end of the report month, and all of them. */
  monthsElapsed: number;
  monthsTotal: number;
  activities: {
    byType: TypeCount[];
    monthTotal: number;
    cumulativeTotal: number;
    /** Counting activities per month from the period's first month to the report month. */
    byMonth: MonthCount[];
  };
  /** Lectures held so far, and those whose content is recorded as published (会内媒体刊发). */
  lectures: { held: number; published: number };
  completion: Completion;
  points: PointProgress[];
  provinces: ProvinceReportStatus[];
  /** Province ids. */
  notSubmitted: string[];
  late: string[];
  pace: {
    rules: PaceRule[];
    /** The strictest rule in force at the end of the month, if any. */
    inForce: PaceRule | null;
    /** Chinese explanation of the rules, printed with the report. */
    explanation: string;
  };
  /** Current records carrying an error: shown, not counted. */
  errorRecords: number;
  /** What is wrong with them (日期不在活动期间内 …), most frequent first. */
  errorKinds: { code: IssueCode; label: string; count: number }[];
  narrative: NarrativeSection[];
  /** The office's own text (办公室意见), or null for a blank space to fill in. */
  remarks: string | null;
}
