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
import { columnLetter } from '../columns';
import { linesHeight, PRINT_FONTS, PRINT_SIZES, rowHeight } from './layout';
import { currentCompleteness, hasError, provinceStatuses, SUBMISSION_STATE_LABELS } from './model';

export const RECORDS_SHEET_NAME = '汇总';
export const SUBMISSIONS_SHEET_NAME = '报送情况';

const RECORD_HEADER = [
  '序号', '省级组织', '联系点', '活动日期', '活动类型', '参加领导', '活动主题', '参加人数',
  '活动简况', '刊发情况', '佐证材料', '填报人', '备注', '台账行', '检查结果', '问题',
];
// Laid out for A4 landscape at 11 pt (no shrinking): long texts wrap inside their columns.
const RECORD_WIDTHS = [6, 8, 11, 11, 8, 6, 12, 5, 16, 7, 8, 5, 5, 6, 5, 17];
const LANDSCAPE = {
  orientation: 'landscape',
  fitToWidth: false,
  repeatRows: '1:2',
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
  footer: '第 &P 页，共 &N 页',
} as const;
const TITLE_SIZE = 16;

/** A data sheet made printable: the title at 16 pt, every cell from the header down wrapped at
 *  11 pt in a face Windows/WPS have, each row as tall as its longest cell's lines. */
function laidOutForPrint(model: SheetModel, widths: number[]): SheetModel {
  const size = PRINT_SIZES.table;
  const lastColumn = columnLetter(widths.length - 1);
  const rowHeights: Record<number, number> = { 1: linesHeight(1, TITLE_SIZE) };
  for (let r = 2; r <= model.rows.length; r++) rowHeights[r] = rowHeight(model.rows[r - 1], widths, size);
  return {
    ...model,
    columnWidths: widths,
    rowHeights,
    styles: {
      A1: { bold: true, fontName: PRINT_FONTS.heading, fontSize: TITLE_SIZE },
      [`A2:${lastColumn}${Math.max(2, model.rows.length)}`]: { wrap: true, fontName: PRINT_FONTS.body, fontSize: size },
    },
    print: LANDSCAPE,
  };
}

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
    const [first, ...more] = r.issues.map((x) => (x.cell ? `${x.cell} ${x.message}` : x.message));
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
      first ?? '',
    ]);
    // One problem a row: several in one cell printed over each other (and over the next record).
    for (const problem of more) rows.push([...Array<CellValue>(13).fill(null), r.row, null, problem]);
  });
  const last = rows.length;
  const resultRange = `O3:O${Math.max(3, last)}`;
  return laidOutForPrint({
    name: RECORDS_SHEET_NAME,
    rows,
    headerRows: [2],
    freezeRows: 2,
    merges: ['A1:P1'],
    conditionalFormats: [
      { range: resultRange, equals: SEVERITY_LABELS.error.zh, style: HIGHLIGHT.error },
      { range: resultRange, equals: SEVERITY_LABELS.warning.zh, style: HIGHLIGHT.warning },
    ],
  }, RECORD_WIDTHS);
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
  return laidOutForPrint({
    name: SUBMISSIONS_SHEET_NAME,
    rows,
    headerRows: [2],
    freezeRows: 2,
    merges: ['A1:H1'],
    conditionalFormats: [
      { range, equals: SUBMISSION_STATE_LABELS.missing, style: HIGHLIGHT.error },
      { range, equals: SUBMISSION_STATE_LABELS.late, style: HIGHLIGHT.warning },
    ],
  }, [6, 14, 10, 6, 18, 8, 8, 60]);
}

/** 完成情况 narrowed to A4 landscape: its requirement and name columns wrap instead. */
function statusPrintable(model: SheetModel, campaign: Campaign): SheetModel {
  return laidOutForPrint(model, [6, 24, 10, 10, ...campaign.requirements.map(() => 16), 10, 10, 12]);
}

/** 汇总, 完成情况 and 报送情况, in that order; each replaces the previous pull's sheet of that name. */
export function aggregateSheets(aggregate: AggregateResponse, campaign: Campaign): SheetModel[] {
  return [
    recordsSheet(aggregate, campaign),
    statusPrintable(statusSheet(currentCompleteness(aggregate, campaign), campaign, aggregate.asOf), campaign),
    submissionsSheet(aggregate, campaign),
  ];
}
