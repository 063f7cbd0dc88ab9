// The monthly report as a printable sheet (A4 portrait): title, the narrative with its tables,
// a chart of completion by requirement (data bars where charts are not drawn), the office's remarks.
import { columnLetter } from '../columns';
import { HIGHLIGHT } from '../highlight';
import type { SheetModel } from '../sheet-model';
import type { CellValue, IsoMonth } from '../types';
import { chinaDay, dateLabel, monthLabelPadded } from '../calendar';
import { SheetLayout, textWidth } from './layout';
import { SUBMISSION_STATE_LABELS } from './model';
import type { MonthlyReport, PaceRule, PointProgress } from './types';

const BAR_COLOUR = '#5B9BD5';
const DONE = '已完成';
const MISSING = '未完成';

/** 2017-05 → 2017年05月月报 */
export function monthlyReportSheetName(month: IsoMonth): string {
  return `${monthLabelPadded(month)}月报`;
}

/** 2017-05 → 联系点工作月报_2017年05月.xlsx */
export function reportWorkbookName(month: IsoMonth): string {
  return `联系点工作月报_${monthLabelPadded(month)}.xlsx`;
}

/** 2017-05 → 联系点工作月报_2017年05月.docx */
export function reportDocumentName(month: IsoMonth): string {
  return `联系点工作月报_${monthLabelPadded(month)}.docx`;
}

// The rule's own label, from the rules the report applied (the office may pass its own).
function paceLabel(p: PointProgress, rules: readonly PaceRule[]): string {
  if (p.complete) return DONE;
  return p.pace ? (rules.find((r) => r.level === p.pace)?.label ?? p.pace) : '进行中';
}

const mmdd = (date: string | null): string => (date ? date.slice(5, 10) : '');

function pointRow(p: PointProgress, i: number, rules: readonly PaceRule[]): CellValue[] {
  return [
    i + 1,
    p.name,
    ...p.requirements.map((r) => (r.done ? `${DONE} ${mmdd(r.date)}` : MISSING)),
    p.optionalCount,
    p.monthCount,
    p.lastActivityDate ?? '—',
    p.lastSubmissionAt ? chinaDay(p.lastSubmissionAt) : '—',
    paceLabel(p, rules),
  ];
}

export function monthlyReportSheet(report: MonthlyReport): SheetModel {
  const reqs = report.completion.byRequirement;
  // 序号 | 联系点 | one per requirement | 自选动作 | 本月活动 | 最近活动 | 最近报送 | 进度
  const widths = [6, 28, ...reqs.map((q) => Math.max(14, textWidth(q.name) + 2)), 9, 9, 12, 12, 8];
  const doc = new SheetLayout(monthlyReportSheetName(report.month), widths);
  const paceRule = (level: string) => report.pace.rules.find((r) => r.level === level);

  doc.line(`${report.campaignName}月报`, { bold: true, fontSize: 18, align: 'center' });
  doc.line(`（${report.monthLabel}）`, { fontSize: 12, align: 'center' });
  doc.line(
    `统计截至：${dateLabel(report.asOf)}　　　　生成日期：${dateLabel(chinaDay(report.generatedAt))}`,
    { align: 'center' },
  );
  doc.blank();

  const [overview, progress, problems, nextSteps] = report.narrative;
  const section = (s: (typeof report.narrative)[number] | undefined): void => {
    if (!s) return;
    doc.line(s.heading, { bold: true, fontSize: 12 });
    for (const p of s.paragraphs) doc.paragraph(p);
  };

  section(overview);
  doc.blank();
  const types = report.activities.byType;
  const t1 = doc.table({
    caption: '表1　活动开展情况',
    header: ['序号', '活动类型', '类别', '本月', '累计'],
    body: types.map((t, i) => [i + 1, t.label, t.required ? '规定动作' : '自选动作', t.month, t.cumulative]),
    totals: [['', '合计', '', report.activities.monthTotal, report.activities.cumulativeTotal]],
    centred: [0, 2, 3, 4],
  });
  doc.blank();
  const c = report.completion;
  const t2 = doc.table({
    caption: '表2　规定动作完成情况',
    header: ['序号', '规定动作', '已完成', '应完成', '完成率'],
    body: reqs.map((q, i) => [i + 1, q.name, q.done, q.due, q.rate]),
    totals: [
      ['', '规定动作合计（项）', c.requirementsDone, c.requirementsDue, c.requirementRate],
      ['', '完成全部规定动作的联系点', c.pointsComplete, c.pointCount, c.pointRate],
    ],
    formats: { 4: '0.0%' },
    bars: [{ column: 4, color: BAR_COLOUR }],
    centred: [0, 2, 3],
  });
  const chartLeft = 5;
  doc.chart({
    type: 'bar',
    title: '规定动作完成率',
    categories: `B${t2.firstBodyRow}:B${t2.lastBodyRow}`,
    values: `E${t2.firstBodyRow}:E${t2.lastBodyRow}`,
    from: `${columnLetter(chartLeft)}${t1.headerRow}`,
    to: `${columnLetter(widths.length - 1)}${t2.lastRow}`,
  });
  doc.blank();

  section(progress);
  doc.blank();
  const reqColumns = reqs.map((_, i) => 2 + i);
  const paceColumn = widths.length - 1;
  doc.table({
    caption: '表3　各联系点进展',
    header: ['序号', '联系点', ...reqs.map((q) => q.name), '自选动作', '本月活动', '最近活动', '最近报送', '进度'],
    body: report.points.map((p, i) => pointRow(p, i, report.pace.rules)),
    highlight: [
      ...reqColumns.map((column) => ({ column, equals: MISSING, style: HIGHLIGHT.error })),
      { column: paceColumn, equals: paceRule('behind')?.label ?? '滞后', style: HIGHLIGHT.error },
      { column: paceColumn, equals: paceRule('attention')?.label ?? '需关注', style: HIGHLIGHT.warning },
    ],
    centred: widths.map((_, i) => i).filter((i) => i !== 1),
  });
  doc.blank();

  section(problems);
  doc.blank();
  doc.table({
    caption: '表4　各省级组织报送情况',
    header: ['序号', '省级组织', '报送状态', '报送日期', '版本', '记录数', '有误记录'],
    body: report.provinces.map((p, i) => [
      i + 1,
      p.name,
      p.stateLabel,
      p.submittedAt ? chinaDay(p.submittedAt) : '—',
      p.snapshotLabel ?? p.version ?? '—',
      p.recordCount,
      p.errorRecordCount,
    ]),
    highlight: [
      { column: 2, equals: SUBMISSION_STATE_LABELS.missing, style: HIGHLIGHT.error },
      { column: 2, equals: SUBMISSION_STATE_LABELS.late, style: HIGHLIGHT.warning },
    ],
    centred: [0, 2, 3, 4, 5, 6],
  });
  doc.blank();

  section(nextSteps);
  doc.blank();
  doc.line('办公室意见：', { bold: true, fontSize: 12 });
  doc.box(report.remarks ? report.remarks.split(/\r?\n/) : [], 4);
  doc.blank();
  doc.paragraph(`说明：1. ${report.pace.explanation}`, false);
  doc.paragraph(
    `2. 统计口径：各省级组织当前报送的台账中，日期在活动期间内且不晚于${dateLabel(report.asOf)}、无错误的活动记录；` +
      `有错误的记录${report.errorRecords}条，列入“汇总”表，未计入统计。`,
    false,
  );
  doc.paragraph('3. 本报告由联系点工作台账系统根据各省级组织报送的台账自动生成，数字均由系统计算。', false);

  return doc.build({ print: { orientation: 'portrait', fitToWidth: true } });
}
