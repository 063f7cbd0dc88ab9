// The task pane's flows, written once against WorkbookPort (Excel or an in-memory .xlsx).
export { connect, createTracker, type Connection } from './connect';
export { saveMapping, MAPPING_SETTING, type TrackerMapping } from './mapping';
export { check, review, type CheckOptions, type CheckOutcome } from './check';
export { addActivity, validateActivity, type ActivityInput, type ActivityResult } from './activity';
export { recheckRow, type RowRecheck } from './edit';
export { submissionRequest } from './submit';
export { pullAggregate, writeMonthlyReport } from './central';
export type { FlowProgress, FlowOptions } from './progress';
