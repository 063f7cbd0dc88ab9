// The task pane's flows, written once against WorkbookPort (Excel or an in-memory .xlsx).
export { connect, createTracker, locateTracker, toConnection, type Connection } from './connect';
export { loadMapping, saveMapping, parseMapping, MAPPING_SETTING, type TrackerMapping } from './mapping';
export { check, todayIso, type CheckOptions, type CheckOutcome } from './check';
export { addActivity, validateActivity, activityRow, cellValueFor, type ActivityInput, type ActivityResult } from './activity';
export { submissionRequest, type SubmissionTarget } from './submit';
export { pullAggregate, writeMonthlyReport } from './central';
export { FlowError, type FlowErrorCode } from './errors';
export type { FlowPhase, FlowProgress, FlowProgressFn, FlowOptions } from './progress';
