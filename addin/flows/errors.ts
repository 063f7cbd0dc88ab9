// Errors the flows raise for the pane: a stable code, Chinese first, English beside it.
export type FlowErrorCode = 'no-tracker' | 'mapping-invalid' | 'activity-invalid';

export class FlowError extends Error {
  constructor(
    readonly code: FlowErrorCode,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'FlowError';
  }
}

export function noTracker(): FlowError {
  return new FlowError(
    'no-tracker',
    '工作簿中没有找到台账（需要“活动日期”以及“活动类型”或“活动主题”等表头）。可以创建标准台账。',
    'No tracker found in the workbook (it needs a date header and a type or title header). You can create the standard tracker.',
  );
}
