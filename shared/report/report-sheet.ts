// The monthly report as a printable sheet, laid out for A4 portrait at readable sizes (no shrinking):
// title, the narrative with 表1–表4 and the charts 图1–图3 as pictures, the office's remarks.
import { columnLetter } from '../columns';
import { HIGHLIGHT } from '../highlight';
import type { SheetModel } from '../sheet-model';
import type { IsoMonth } from '../types';
import { chinaDay, dateLabel, monthLabelPadded } from '../calendar';
import { reportChartSpecs, type ReportChartId } from './charts';
import { PRINT_FONTS, PRINT_SIZES, SheetLayout, type TableSpec } from './layout';
import { SUBMISSION_STATE_LABELS } from './model';
import { activitiesTable, completionTable, MISSING, pointsTable, provincesTable, type ReportTable } from './report-tables';
import type { MonthlyReport } from './types';

const BAR_COLOUR = '#5B9BD5';

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

function tableSpec(t: ReportTable, extra: Partial<TableSpec> = {}): TableSpec {
  return {
    caption: t.caption,
    header: t.header,
    body: t.body,
    totals: t.totals,
    centred: t.centred,
    formats: Object.fromEntries(t.rateColumns.map((c) => [c, '0.0%'])),
    // Fixed 0–100% scale: the bar's length means the rate (not its share of the largest rate).
    bars: t.rateColumns.map((column) => ({ column, color: BAR_COLOUR, max: 1 })),
    ...extra,
  };
}

export function monthlyReportSheet(report: MonthlyReport): SheetModel {
  const points = pointsTable(report);
  // The widest table (表3) sets the columns; the others use its first columns.
  const widths = [...points.widths];
  const doc = new SheetLayout(monthlyReportSheetName(report.month), widths);
  const charts = new Map(reportChartSpecs(report).map((c) => [c.id, c]));
  const picture = (id: ReportChartId): void => {
    const c = charts.get(id);
    if (c) doc.picture(id, c.width, c.height, c.title);
  };
  const paceRule = (level: string) => report.pace.rules.find((r) => r.level === level);

  doc.line(`${report.campaignName}月报`, { bold: true, fontName: PRINT_FONTS.title, fontSize: PRINT_SIZES.title, align: 'center' });
  doc.line(`（${report.monthLabel}）`, { fontSize: PRINT_SIZES.subtitle, align: 'center' });
  doc.line(`统计截至：${dateLabel(report.asOf)}　　　　生成日期：${dateLabel(chinaDay(report.generatedAt))}`, { align: 'center' });
  doc.blank();

  const [overview, progress, problems, nextSteps] = report.narrative;
  const section = (s: (typeof report.narrative)[number] | undefined): void => {
    if (!s) return;
    doc.heading(s.heading);
    for (const p of s.paragraphs) doc.paragraph(p);
    doc.blank();
  };

  section(overview);
  doc.table(tableSpec(activitiesTable(report)));
  doc.blank();
  picture('activities-by-month');
  doc.blank();
  const t2 = doc.table(tableSpec(completionTable(report)));
  // Excel (through the pane) may also draw a native chart beside the table from these cells.
  doc.chart({
    type: 'bar',
    title: '规定动作完成率',
    categories: `B${t2.firstBodyRow}:B${t2.lastBodyRow}`,
    values: `E${t2.firstBodyRow}:E${t2.lastBodyRow}`,
    from: `${columnLetter(widths.length + 1)}${t2.headerRow}`,
    to: `${columnLetter(widths.length + 7)}${t2.lastRow + 12}`,
  });
  doc.blank();

  section(progress);
  picture('completion-by-point');
  doc.blank();
  const reqColumns = report.completion.byRequirement.map((_, i) => 2 + i);
  const paceColumn = points.header.length - 1;
  doc.table(
    tableSpec(points, {
      highlight: [
        ...reqColumns.map((column) => ({ column, equals: MISSING, style: HIGHLIGHT.error })),
        { column: paceColumn, equals: paceRule('behind')?.label ?? '滞后', style: HIGHLIGHT.error },
        { column: paceColumn, equals: paceRule('attention')?.label ?? '需关注', style: HIGHLIGHT.warning },
      ],
    }),
  );
  doc.blank();

  section(problems);
  picture('province-status');
  doc.blank();
  doc.table(
    tableSpec(provincesTable(report), {
      highlight: [
        { column: 2, equals: SUBMISSION_STATE_LABELS.missing, style: HIGHLIGHT.error },
        { column: 2, equals: SUBMISSION_STATE_LABELS.late, style: HIGHLIGHT.warning },
      ],
    }),
  );
  doc.blank();

  section(nextSteps);
  doc.heading('办公室意见：');
  doc.box(report.remarks ? report.remarks.split(/\r?\n/) : [], 4);
  doc.blank();
  doc.paragraph(`说明：1. ${report.pace.explanation}`, false);
  doc.paragraph(
    `2. 统计口径：各省级组织当前报送的台账中，日期在活动期间内且不晚于${dateLabel(report.asOf)}、无错误的活动记录；` +
      `有错误的记录${report.errorRecords}条，列入“汇总”表，未计入统计。`,
    false,
  );
  doc.paragraph('3. 本报告由联系点工作台账系统根据各省级组织报送的台账自动生成，数字均由系统计算。', false);

  return doc.build({
    print: {
      orientation: 'portrait',
      fitToWidth: false,
      margins: { left: 0.55, right: 0.55, top: 0.75, bottom: 0.75 },
      footer: '— &P —',
    },
  });
}
