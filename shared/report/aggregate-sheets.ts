// The central office's pulled sheets: 汇总 (every current record), 完成情况 (the core's status
// sheet) and 报送情况 (each province's submission for the month).
import type { AggregateRecord, AggregateResponse } from '../api';
import { reportablePointIds } from '../campaign';
import { HIGHLIGHT } from '../highlight';
import { SEVERITY_LABELS, TYPE_LABELS } from '../labels';
import type { SheetModel } from '../sheet-model';
import { statusSheet } from '../status-sheet';
import type { Campaign, CellValue } from '../types';
import { chinaDay, chinaTime, dateLabel, monthLabel, submissionDue } from '../calendar';
import { currentCompleteness, hasError, provinceStatuses, SUBMISSION_STATE_LABELS } from './model';

export const RECORDS_SHEET_NAME = '汇总';
export const SUBMISSIONS_SHEET_NAME = '报送情况';

const RECORD_HEADER = [
  '序号', '省级组织', '联系点', '活动日期', '活动类型', '参加领导', '活动主题', '参加人数',
  '活动简况', '刊发情况', '佐证材料', '填报人', '备注', '台账行', '检查结果', '问题',
];
const RECORD_WIDTHS = [7, 14, 28, 12, 14, 10, 30, 9, 36, 16, 14, 9, 14, 7, 9, 48];
const LANDSCAPE = { orientation: 'landscape', fitToWidth: true, repeatRows: '1:2' } as const;

const PASSED = '通过';

function checkResult(record: AggregateRecord): string {
  if (hasError(record)) return SEVERITY_LABELS.error.zh;
  return record.issues.length > 0 ? SEVERITY_LABELS.warning.zh : PASSED;
}

function recordsSheet(aggregate: AggregateResponse, campaign: Campaign): SheetModel {
  const provinceOrder = new Map(campaign.provinces.map((p, i) => [p.id, i]));
  const provinceName = new Map(campaign.provinces.map((p) => [p.id, p.name]));
  const pointName = new Map(campaign.points.map((p) => [p.id, p.name]));
  const records = [...aggregate.records].sort(
    (a, b) =>
      (provinceOrder.get(a.provinceId) ?? Infinity) - (provinceOrder.get(b.provinceId) ?? Infinity) ||
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.row - b.row,
  );
  const rows: CellValue[][] = [
    [`${monthLabel(aggregate.month)}汇总：各省级组织当前报送的活动记录${records.length}条（错误记录不计入统计）`],
    RECORD_HEADER,
  ];
  records.forEach((r, i) => {
    rows.push([
      i + 1,
      provinceName.get(r.provinceId) ?? r.provinceId,
      (r.liaisonPointId && pointName.get(r.liaisonPointId)) || r.liaisonPointText || '',
      r.date ?? r.dateText ?? '',
      r.type && r.type !== 'other' ? TYPE_LABELS[r.type].zh : (r.typeText ?? ''),
      r.leader ?? '',
      r.title ?? '',
      r.participants,
      r.summary ?? '',
      r.publication ?? '',
      r.materials ?? '',
      r.filledBy ?? '',
      r.remarks ?? '',
      r.row,
      checkResult(r),
      r.issues.map((x) => (x.cell ? `${x.cell} ${x.message}` : x.message)).join('\n'),
    ]);
  });
  const last = rows.length;
  const resultRange = `O3:O${Math.max(3, last)}`;
  return {
    name: RECORDS_SHEET_NAME,
    rows,
    headerRows: [2],
    freezeRows: 2,
    columnWidths: RECORD_WIDTHS,
    merges: ['A1:P1'],
    styles: { A1: { bold: true, fontSize: 12 } },
    print: LANDSCAPE,
    conditionalFormats: [
      { range: resultRange, equals: SEVERITY_LABELS.error.zh, style: HIGHLIGHT.error },
      { range: resultRange, equals: SEVERITY_LABELS.warning.zh, style: HIGHLIGHT.warning },
    ],
  };
}

function submissionsSheet(aggregate: AggregateResponse, campaign: Campaign): SheetModel {
  const due = submissionDue(aggregate.month, campaign.submissionDueDay);
  const rows: CellValue[][] = [
    [`${monthLabel(aggregate.month)}台账报送情况（应于${dateLabel(due)}前报送）`],
    ['序号', '省级组织', '报送状态', '版本', '报送时间', '当前记录数', '有误记录数', '联系点'],
  ];
  provinceStatuses(aggregate, campaign).forEach((s, i) => {
    const reportable = reportablePointIds(campaign, s.provinceId);
    rows.push([
      i + 1,
      s.name,
      s.stateLabel,
      s.snapshotLabel ?? s.version,
      s.submittedAt ? `${chinaDay(s.submittedAt)} ${chinaTime(s.submittedAt)}` : '',
      s.recordCount,
      s.errorRecordCount,
      campaign.points.filter((p) => reportable.has(p.id)).map((p) => p.name).join('、'),
    ]);
  });
  const range = `C3:C${Math.max(3, rows.length)}`;
  return {
    name: SUBMISSIONS_SHEET_NAME,
    rows,
    headerRows: [2],
    freezeRows: 2,
    columnWidths: [7, 16, 12, 7, 18, 12, 12, 40],
    merges: ['A1:H1'],
    styles: { A1: { bold: true, fontSize: 12 } },
    print: LANDSCAPE,
    conditionalFormats: [
      { range, equals: SUBMISSION_STATE_LABELS.missing, style: HIGHLIGHT.error },
      { range, equals: SUBMISSION_STATE_LABELS.late, style: HIGHLIGHT.warning },
    ],
  };
}

/** 汇总, 完成情况 and 报送情况, in that order; each replaces the previous pull's sheet of that name. */
export function aggregateSheets(aggregate: AggregateResponse, campaign: Campaign): SheetModel[] {
  return [
    recordsSheet(aggregate, campaign),
    statusSheet(currentCompleteness(aggregate, campaign), campaign, aggregate.asOf),
    submissionsSheet(aggregate, campaign),
  ];
}
