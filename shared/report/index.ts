// The monthly report (月报) and the central office's aggregated sheets: pure, no I/O.
export * from './types';
export { ReportError } from './errors';
export type { ReportErrorCode } from './errors';
export { PACE_RULES, paceRuleInForce, explainPace } from './pace';
export { buildMonthlyReport, currentCompleteness, isPublished } from './model';
export type { MonthlyReportOptions } from './model';
export { percent } from './narrative';
export { aggregateSheets, RECORDS_SHEET_NAME, SUBMISSIONS_SHEET_NAME } from './aggregate-sheets';
export { monthlyReportSheet, monthlyReportSheetName, reportDocumentName, reportWorkbookName } from './report-sheet';
export { breakLines, textWidth } from './layout';
export { reportChartSpecs, CHART_FONT_FAMILY, CHART_COLOURS, STATE_COLOURS } from './charts';
export type { ReportChartSpec, ReportChartId } from './charts';
export { activitiesTable, completionTable, pointsTable, provincesTable, shortDate } from './report-tables';
export type { ReportTable } from './report-tables';
export { shareWord, NAMES_LISTED_MAX } from './wording';
export type { ShareWord } from './wording';
