// The domain core's public surface: pure TypeScript, no I/O; runs in the task pane, the functions
// and the CLI alike.
export * from './types';
export * from './api';
export * from './sheet-model';
export { DEFAULT_CAMPAIGN, DEFAULT_REQUIREMENTS, DEFAULT_SUBMISSION_DUE_DAY, CampaignError, parseCampaign, campaignYear, isIsoDate } from './campaign';
export { FIELD_LABELS, TYPE_LABELS, TEMPLATE_COLUMNS } from './labels';
export type { Label } from './labels';
export { normalizeText, cleanText, toSimplified } from './text';
export { matchLiaisonPoint, matchProvince } from './match';
export { parseDate, fromExcelSerial, toExcelSerial } from './dates';
export type { DateParse } from './dates';
export { parseParticipants } from './participants';
export { classifyActivity } from './classify';
export type { Classification } from './classify';
export { columnLetter, columnIndex, cellAddress } from './columns';
export { fillMergedDown } from './merges';
export * from './template-layout';
export { findHeaderRow } from './headers';
export { readTracker, findTracker } from './reader';
export type { ReadOptions } from './reader';
export { validateRecords } from './validate';
export { computeCompleteness } from './completeness';
export { checkTracker } from './check';
export { importPlan } from './plan-import';
export { sanitizeCellText } from './sanitize';
export { HIGHLIGHT, cellAnnotations } from './highlight';
export { STATUS_SHEET_NAME, STATUS_DONE_PREFIX, STATUS_MISSING, STATUS_YES, STATUS_NO, statusSheet } from './status-sheet';
export { CHINA_PROVINCES } from './regions';
