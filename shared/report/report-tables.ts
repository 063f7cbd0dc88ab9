// 表1–表4 of the monthly report as data (caption, header, rows), shared by the printed sheet and
// the Word document so both always show the same cells.
import { chinaDay } from '../calendar';
import type { CellValue } from '../types';
import type { MonthlyReport, PaceRule, PointProgress } from './types';

export const DONE = '已完成';
export const MISSING = '未完成';

export interface ReportTable {
  caption: string;
  header: string[];
  body: CellValue[][];
  /** Rows after the body, in bold (合计). */
  totals: CellValue[][];
  /** Columns holding a rate (0–1), shown as a percentage with a bar. */
  rateColumns: number[];
  /** Columns whose cells are centred. */
  centred: number[];
  /** Relative widths of the columns, in "0"-widths (the sheet's widths; the document scales them). */
  widths: number[];
}

/** 5月20日: the year is the report's own, so tables stay narrow enough for A4. */
export function shortDate(date: string | null): string {
  if (!date) return '—';
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

// The rule's own label, from the rules the report applied (the office may pass its own).
function paceLabel(p: PointProgress, rules: readonly PaceRule[]): string {
  if (p.complete) return DONE;
  return p.pace ? (rules.find((r) => r.level === p.pace)?.label ?? p.pace) : '进行中';
}

export function activitiesTable(report: MonthlyReport): ReportTable {
  const types = report.activities.byType;
  return {
    caption: '表1　活动开展情况',
    header: ['序号', '活动类型', '类别', '本月', '累计'],
    body: types.map((t, i) => [i + 1, t.label, t.required ? '规定动作' : '自选动作', t.month, t.cumulative]),
    totals: [['', '合计', '', report.activities.monthTotal, report.activities.cumulativeTotal]],
    rateColumns: [],
    centred: [0, 2, 3, 4],
    widths: [6, 22, 12, 9, 9],
  };
}

export function completionTable(report: MonthlyReport): ReportTable {
  const c = report.completion;
  return {
    caption: '表2　规定动作完成情况',
    header: ['序号', '规定动作', '已完成', '应完成', '完成率'],
    body: c.byRequirement.map((q, i) => [i + 1, q.name, q.done, q.due, q.rate]),
    totals: [
      ['', '规定动作合计（项）', c.requirementsDone, c.requirementsDue, c.requirementRate],
      ['', '完成全部规定动作的联系点', c.pointsComplete, c.pointCount, c.pointRate],
    ],
    rateColumns: [4],
    centred: [0, 2, 3],
    widths: [6, 26, 9, 9, 24],
  };
}

export function pointsTable(report: MonthlyReport): ReportTable {
  const reqs = report.completion.byRequirement;
  const rules = report.pace.rules;
  return {
    caption: '表3　各联系点进展',
    // A point's latest submission is its province's: 表4 has it, so this table stays A4-wide.
    header: ['序号', '联系点', ...reqs.map((q) => q.name), '自选动作', '本月活动', '最近活动', '进度'],
    body: report.points.map((p, i) => [
      i + 1,
      p.name,
      ...p.requirements.map((r) => (r.done ? `${DONE}\n${shortDate(r.date)}` : MISSING)),
      p.optionalCount,
      p.monthCount,
      shortDate(p.lastActivityDate),
      paceLabel(p, rules),
    ]),
    totals: [],
    rateColumns: [],
    centred: [0, ...reqs.map((_, i) => 2 + i), reqs.length + 2, reqs.length + 3, reqs.length + 4, reqs.length + 5],
    widths: [5, 19, ...reqs.map(() => 11), 6, 6, 11, 7],
  };
}

export function provincesTable(report: MonthlyReport): ReportTable {
  return {
    caption: '表4　各省级组织报送情况',
    header: ['序号', '省级组织', '报送状态', '报送日期', '版本', '记录数', '有误记录'],
    body: report.provinces.map((p, i) => [
      i + 1,
      p.name,
      p.stateLabel,
      p.submittedAt ? shortDate(chinaDay(p.submittedAt)) : '—',
      p.version ?? '—',
      p.recordCount,
      p.errorRecordCount,
    ]),
    totals: [],
    rateColumns: [],
    centred: [0, 2, 3, 4, 5, 6],
    widths: [6, 18, 12, 12, 7, 9, 10],
  };
}
