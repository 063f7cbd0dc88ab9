// The monthly report as a Word document (.docx, `docx` 9) in the form of a Chinese official
// document: centred title, 一、(一) headings, 仿宋 body, numbered tables whose header rows repeat
// on each page, the charts as PNG pictures, page numbers 「— 1 —」. Every text is a plain run: no
// field or formula is ever made from the report's text (the page number is our only field).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import {
  activitiesTable,
  completionTable,
  percent,
  pointsTable,
  provincesTable,
  type MonthlyReport,
  type ReportChartId,
  type ReportTable,
} from '../shared/report';
import { chinaDay, dateLabel } from '../shared/calendar';
import type { CellValue } from '../shared/types';

/** A chart picture as drawn by the caller (PNG bytes, its size in CSS pixels). */
export interface DocxChart {
  id: ReportChartId;
  title: string;
  width: number;
  height: number;
  png: Uint8Array;
}

// Faces every Windows and WPS machine has (the 方正/GB2312 faces of print shops often are not).
const FONT = {
  title: '宋体',
  heading: '黑体',
  subheading: '楷体',
  body: '仿宋',
  table: '宋体',
} as const;
// Half-points, as Word counts: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
const SIZE = { title: 44, subtitle: 32, body: 32, small: 28, table: 24, denseTable: 21 } as const;

// A4 with the margins of a government document (GB/T 9704: 37 / 35 / 28 / 26 mm).
const PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
const TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right;
/** Picture width on the page in pixels (96 per inch), the whole text block. */
const PICTURE_WIDTH_PX = Math.floor((TEXT_WIDTH_MM / 25.4) * 96);

/** XML 1.0 refuses control characters; they can only come from pasted text. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '');
}

function run(text: string, font: string, size: number, opts: { bold?: boolean } = {}): TextRun {
  return new TextRun({ text: clean(text), font: { ascii: font, eastAsia: font, hAnsi: font }, size, bold: opts.bold });
}

/** Fixed line pitch of 28 pt for 三号 body text (the usual 22 lines a page). */
const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT } as const;

function title(report: MonthlyReport): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120, line: 720, lineRule: LineRuleType.AT_LEAST },
      children: [run(`${report.campaignName}月报`, FONT.title, SIZE.title, { bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(`（${report.monthLabel}）`, FONT.subheading, SIZE.subtitle)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [
        run(
          `统计截至：${dateLabel(report.asOf)}　　生成日期：${dateLabel(chinaDay(report.generatedAt))}`,
          FONT.body,
          SIZE.small,
        ),
      ],
    }),
  ];
}

function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { ...BODY_SPACING, before: 120 },
    indent: { firstLine: 640 },
    children: [run(text, FONT.heading, SIZE.body)],
  });
}

/** A body paragraph, 2 characters indented; 「（一）…。」 leads in 楷体 bold, as sub-headings do. */
function body(text: string): Paragraph {
  const lead = /^（[一二三四五六七八九十]+）[^。]*。/u.exec(text)?.[0];
  const children = lead
    ? [run(lead, FONT.subheading, SIZE.body, { bold: true }), run(text.slice(lead.length), FONT.body, SIZE.body)]
    : [run(text, FONT.body, SIZE.body)];
  return new Paragraph({ spacing: BODY_SPACING, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 240, after: 120 },
    children: [run(text, FONT.heading, SIZE.small)],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cellText(value: CellValue, rateColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (rateColumn && typeof value === 'number') return percent(value);
  return String(value);
}

function table(spec: ReportTable, size: number): Table {
  const total = spec.widths.reduce((s, w) => s + w, 0);
  const widths = spec.widths.map((w) => Math.floor((convertMillimetersToTwip(TEXT_WIDTH_MM) * w) / total));
  const row = (values: CellValue[], kind: 'header' | 'body' | 'total'): TableRow =>
    new TableRow({
      tableHeader: kind === 'header',
      cantSplit: true,
      children: values.map(
        (value, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: 60, right: 60, top: 30, bottom: 30 },
            shading: kind === 'header' ? { fill: 'E7E6E6' } : undefined,
            children: cellText(value, kind !== 'header' && spec.rateColumns.includes(i))
              .split('\n')
              .map(
                (line) =>
                  new Paragraph({
                    alignment: kind === 'header' || spec.centred.includes(i) ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [run(line, FONT.table, size, { bold: kind !== 'body' })],
                  }),
              ),
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [row(spec.header, 'header'), ...spec.body.map((v) => row(v, 'body')), ...spec.totals.map((v) => row(v, 'total'))],
  });
}

function tableBlock(spec: ReportTable, size: number = SIZE.table): (Paragraph | Table)[] {
  return [caption(spec.caption), table(spec, size), new Paragraph({ spacing: { after: 120 }, children: [] })];
}

function picture(chart: DocxChart | undefined): Paragraph[] {
  if (!chart) return [];
  const width = Math.min(PICTURE_WIDTH_PX, chart.width);
  const height = Math.round((chart.height * width) / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: chart.id, title: chart.title, description: chart.title } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(chart.title, FONT.heading, SIZE.small)] }),
  ];
}

function remarks(report: MonthlyReport): Paragraph[] {
  const lines = report.remarks ? report.remarks.split(/\r?\n/) : [];
  return [
    heading('办公室意见：'),
    ...(lines.length > 0
      ? lines.map(body)
      : // A blank space to fill in by hand: three empty ruled lines.
        [0, 1, 2].map(
          () =>
            new Paragraph({
              spacing: BODY_SPACING,
              border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 1 } },
              children: [],
            }),
        )),
  ];
}

function notes(report: MonthlyReport): Paragraph[] {
  const texts = [
    `说明：1. ${report.pace.explanation}`,
    `2. 统计口径：各省级组织当前报送的台账中，日期在活动期间内且不晚于${dateLabel(report.asOf)}、无错误的活动记录；有错误的记录${report.errorRecords}条，列入“汇总”表，未计入统计。`,
    '3. 本报告由联系点工作台账系统根据各省级组织报送的台账自动生成，数字均由系统计算。',
  ];
  return texts.map(
    (text, i) =>
      new Paragraph({
        spacing: { before: i === 0 ? 360 : 0, line: 400, lineRule: LineRuleType.AT_LEAST },
        indent: i === 0 ? undefined : { left: 840 },
        alignment: AlignmentType.JUSTIFIED,
        children: [run(text, FONT.body, SIZE.small)],
      }),
  );
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: 'Times New Roman', eastAsia: FONT.title, hAnsi: 'Times New Roman' },
            size: SIZE.small,
          }),
        ],
      }),
    ],
  });
}

/** The Word report. `charts` are the pictures of reportChartSpecs (missing ones are left out). */
export async function writeMonthlyReportDocx(report: MonthlyReport, charts: readonly DocxChart[]): Promise<Uint8Array> {
  const chart = (id: ReportChartId) => charts.find((c) => c.id === id);
  const [overview, progress, problems, nextSteps] = report.narrative;
  const section = (s: (typeof report.narrative)[number] | undefined) => (s ? [heading(s.heading), ...s.paragraphs.map(body)] : []);
  const children = [
    ...title(report),
    ...section(overview),
    ...tableBlock(activitiesTable(report)),
    ...picture(chart('activities-by-month')),
    ...tableBlock(completionTable(report)),
    ...section(progress),
    ...picture(chart('completion-by-point')),
    ...tableBlock(pointsTable(report), SIZE.denseTable),
    ...section(problems),
    ...picture(chart('province-status')),
    ...tableBlock(provincesTable(report)),
    ...section(nextSteps),
    ...remarks(report),
    ...notes(report),
  ];
  const doc = new Document({
    creator: '联系点工作台账 liaison-tracker',
    title: `${report.campaignName}月报（${report.monthLabel}）`,
    styles: { default: { document: { run: { font: { ascii: FONT.body, eastAsia: FONT.body, hAnsi: FONT.body }, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(PAGE.width), height: convertMillimetersToTwip(PAGE.height) },
            margin: {
              top: convertMillimetersToTwip(PAGE.top),
              bottom: convertMillimetersToTwip(PAGE.bottom),
              left: convertMillimetersToTwip(PAGE.left),
              right: convertMillimetersToTwip(PAGE.right),
              footer: convertMillimetersToTwip(20),
            },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
