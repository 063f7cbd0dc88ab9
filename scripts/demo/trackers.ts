// The demo's provincial trackers as real .xlsx files, each province with the layout quirks real
// trackers have (DOMAIN.md "Real trackers are messy"): title rows, traditional headers, text and
// serial dates, free-text types, short point names, totals and notes, a cover sheet first.
import * as ExcelJS from 'exceljs';
import { toExcelSerial } from '../../shared/dates';
import { FIELD_LABELS, TEMPLATE_COLUMNS } from '../../shared/labels';
import type { Campaign, FieldKey, LiaisonPoint, TypeCode } from '../../shared/types';
import type { DemoActivity, DemoProvince } from './plan';

type DateStyle = 'date' | 'serial' | 'dot' | 'chinese' | 'month-day' | 'slash' | 'iso-time' | 'iso';

interface Layout {
  sheet: string;
  /** A sheet before the tracker (instructions), so the tracker is not the first. */
  cover?: string[];
  titleRows: string[];
  /** A 序号 column first. */
  sequence?: string;
  columns: [FieldKey, string][];
  date: DateStyle;
  type: (type: TypeCode, i: number) => string;
  point: (point: LiaisonPoint, i: number) => string;
  blankRowEvery?: number;
  totals?: boolean;
  notes?: string[];
}

/** The standard template's columns, as provinces that use it have them. */
const STANDARD: [FieldKey, string][] = TEMPLATE_COLUMNS.map((field): [FieldKey, string] => [field, FIELD_LABELS[field].zh]);

const FREE_TEXT: Record<TypeCode, string[]> = {
  lecture: ['举办专题讲座', '专题讲座'],
  symposium: ['召开座谈会', '座谈交流'],
  'branch-meeting': ['参加支部生活会', '支部生活会'],
  'veteran-visit': ['看望慰问老同志、老会员', '看望老同志'],
  'grassroots-visit': ['走访基层组织', '指导推动工作'],
  'authority-liaison': ['与当地有关部门和领导沟通交流', '与当地有关部门和领导沟通交流'],
  'experience-summary': ['总结提炼经验', '宣传典型'],
  'self-chosen': ['自选动作', '自选动作'],
  other: ['其他', '其他'],
};
const TRADITIONAL: Record<TypeCode, string> = {
  lecture: '舉辦專題講座',
  symposium: '召開座談會',
  'branch-meeting': '參加支部生活會',
  'veteran-visit': '看望慰問老同志、老會員',
  'grassroots-visit': '走訪基層組織',
  'authority-liaison': '與當地有關部門和領導溝通交流',
  'experience-summary': '總結提煉經驗',
  'self-chosen': '自選動作',
  other: '其他',
};

// Enough of the simplified → traditional table for the points' names.
const TRADITIONAL_CHARS: Record<string, string> = { 进: '進', 员: '員', 会: '會', 吕: '呂', 区: '區', 龙: '龍', 庆: '慶', 东: '東', 莞: '莞', 陕: '陝', 节: '節', 宁: '寧', 苏: '蘇', 顺: '順' };
const toTraditional = (text: string): string => [...text].map((ch) => TRADITIONAL_CHARS[ch] ?? ch).join('');

const freeText = (type: TypeCode, i: number): string => FREE_TEXT[type][i % 2];
const label = (type: TypeCode): string => FREE_TEXT[type][1];
/** 民进北京市海淀区委员会 → 海淀区 (the district or city, as people write it). */
const shortName = (point: LiaisonPoint): string =>
  point.name.replace(/^民进/, '').replace(/^.*?(省|自治区|市(?=.+[市区]))/, '').replace(/(委员会|工委)$/, '');

const LAYOUTS: Record<string, Layout> = {
  beijing: { sheet: '台账', titleRows: [], columns: STANDARD, date: 'date', type: label, point: (p) => p.name },
  shanghai: {
    sheet: '联系点活动台账',
    titleRows: ['民进上海市委员会联系点工作台账（2017年）', ''],
    columns: [['liaisonPoint', '联系点'], ['date', '日期'], ['type', '类型'], ['leader', '领导'], ['title', '主题'], ['participants', '人数'], ['summary', '内容摘要'], ['publication', '媒体刊发'], ['remarks', '备注']],
    date: 'dot',
    type: freeText,
    point: shortName,
  },
  shanxi: {
    sheet: '台賬',
    titleRows: ['民進山西省委員會　聯繫點工作台賬'],
    columns: [['liaisonPoint', '聯繫點'], ['date', '活動時間'], ['type', '活動形式'], ['leader', '參加領導'], ['title', '活動主題'], ['participants', '參加人數'], ['summary', '活動簡況'], ['filledBy', '填表人']],
    date: 'chinese',
    type: (t) => TRADITIONAL[t],
    point: (p) => toTraditional(p.name),
  },
  liaoning: {
    sheet: 'Sheet1',
    titleRows: ['辽宁省联系点活动情况统计表'],
    sequence: '序号',
    columns: STANDARD,
    date: 'serial',
    type: freeText,
    point: (p) => shortName(p).replace(/市$/, ''),
  },
  heilongjiang: {
    sheet: '工作台账',
    titleRows: [],
    columns: [['liaisonPoint', '单位'], ['date', '时间'], ['type', '活动类别'], ['title', '标题'], ['leader', '出席领导'], ['participants', '参加人数'], ['summary', '活动简况']],
    date: 'month-day',
    type: freeText,
    point: shortName,
  },
  jiangsu: {
    sheet: '台账',
    titleRows: ['民进江苏省委会联系点工作台账'],
    columns: [['liaisonPoint', '联系点名称'], ['date', '活动　时间'], ['type', '活动类别'], ['leader', '参加领导'], ['title', '活动主题'], ['participants', '参加人数'], ['publication', '刊发情况'], ['materials', '佐证材料']],
    date: 'iso',
    type: freeText,
    point: (p) => `民进${shortName(p)}委`,
    totals: true,
    notes: ['填表说明：每次活动填写一行，活动结束后一周内更新。'],
  },
  fujian: {
    sheet: '活动台账',
    cover: ['填报说明', '1. 本表由民进福建省委会组织处填报，每月5日前报送。', '2. 活动类型按工作方案填写。'],
    titleRows: ['福建省联系点工作台账'],
    columns: STANDARD,
    date: 'date',
    type: label,
    point: (p) => p.name,
  },
  guangdong: { sheet: '2017年工作台账', titleRows: [], columns: STANDARD, date: 'slash', type: freeText, point: shortName },
  hainan: {
    sheet: '台账',
    titleRows: ['民进海南省委会', '联系点工作台账'],
    sequence: '序号',
    columns: [['date', '活动时间'], ['liaisonPoint', '联系点'], ['type', '活动形式'], ['title', '题目'], ['leader', '参加的领导小组成员'], ['participants', '人数'], ['materials', '附件'], ['remarks', '备注']],
    date: 'dot',
    type: freeText,
    point: shortName,
  },
  guizhou: {
    sheet: '台账',
    titleRows: ['民进贵州省委会联系点（畢節(jié)市工委）工作台账'],
    columns: STANDARD,
    date: 'chinese',
    type: freeText,
    point: (_, i) => (i % 2 === 0 ? '毕节市工委' : '民进贵州省畢節(jié)市工委'),
  },
  shaanxi: {
    sheet: '台账',
    titleRows: ['陕西省联系点活动台账'],
    columns: STANDARD,
    date: 'iso-time',
    type: freeText,
    point: shortName,
    blankRowEvery: 1,
  },
  ningxia: {
    sheet: 'WPS表格',
    titleRows: ['宁夏联系点工作台账（2017年度）'],
    columns: [['liaisonPoint', '地市组织'], ['date', '时间'], ['type', '工作内容'], ['leader', '领导'], ['title', '标题'], ['participants', '参加人数'], ['summary', '主要内容']],
    date: 'dot',
    type: freeText,
    point: (p) => shortName(p).replace(/市$/, ''),
  },
};

function dateCell(date: string, style: DateStyle): ExcelJS.CellValue {
  const [y, m, d] = date.split('-').map(Number);
  switch (style) {
    case 'date':
      return new Date(Date.UTC(y, m - 1, d));
    case 'serial':
      return toExcelSerial(date);
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'chinese':
      return `${y}年${m}月${d}日`;
    case 'month-day':
      return `${m}月${d}日`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'iso-time':
      return `${date} 09:30`;
    case 'iso':
      return date;
  }
}

function fieldValue(a: DemoActivity, field: FieldKey, layout: Layout, point: LiaisonPoint, i: number): ExcelJS.CellValue {
  switch (field) {
    case 'liaisonPoint':
      return layout.point(point, i);
    case 'date':
      return dateCell(a.date, layout.date);
    case 'type':
      return layout.type(a.type, i);
    case 'participants':
      return i % 3 === 2 ? `约${a.participants}人` : a.participants;
    default:
      return a[field] || null;
  }
}

export function trackerFileName(provinceId: string, campaign: Campaign): string {
  const name = campaign.provinces.find((p) => p.id === provinceId)?.name ?? provinceId;
  return `${name}联系点工作台账.xlsx`;
}

/** The province's tracker as an .xlsx, with its own layout. */
export async function trackerWorkbook(province: DemoProvince, campaign: Campaign): Promise<Uint8Array> {
  const layout = LAYOUTS[province.provinceId] ?? LAYOUTS.beijing;
  const workbook = new ExcelJS.Workbook();
  if (layout.cover) {
    const cover = workbook.addWorksheet('填报说明');
    layout.cover.forEach((line, i) => (cover.getCell(i + 1, 1).value = line));
    cover.getColumn(1).width = 60;
  }
  const sheet = workbook.addWorksheet(layout.sheet);
  const headers = [...(layout.sequence ? [layout.sequence] : []), ...layout.columns.map(([, h]) => h)];
  const width = headers.length;
  layout.titleRows.forEach((title) => {
    const row = sheet.addRow([title]);
    if (title) {
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).font = { bold: true, size: 14 };
      row.getCell(1).alignment = { horizontal: 'center' };
    }
  });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  const dateColumn = headers.indexOf(layout.columns.find(([f]) => f === 'date')![1]) + 1;
  province.activities.forEach((a, i) => {
    const point = campaign.points.find((p) => p.id === a.pointId)!;
    const values = layout.columns.map(([field]) => fieldValue(a, field, layout, point, i));
    const row = sheet.addRow([...(layout.sequence ? [i + 1] : []), ...values]);
    if (layout.date === 'date') row.getCell(dateColumn).numFmt = 'yyyy-mm-dd';
    if (layout.blankRowEvery && (i + 1) % layout.blankRowEvery === 0) sheet.addRow([]);
  });
  if (layout.totals) {
    const participants = layout.columns.findIndex(([f]) => f === 'participants');
    const totals: ExcelJS.CellValue[] = Array(width).fill(null);
    totals[0] = '合计';
    if (participants >= 0) totals[participants + (layout.sequence ? 1 : 0)] = province.activities.length;
    sheet.addRow(totals);
  }
  if (layout.notes) {
    sheet.addRow([]);
    for (const note of layout.notes) sheet.addRow([note]);
  }
  headers.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(10, h.length * 2 + 4)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
