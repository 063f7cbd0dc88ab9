// The standard tracker's layout, decided once for both writers of it: xlsx/template.ts (the `.xlsx`
// file of `liaison-tracker template` and browser mode) and the add-in's Excel template.
import { FIELD_LABELS, TEMPLATE_COLUMNS, TYPE_LABELS } from './labels';
import type { SheetModel } from './sheet-model';
import { TYPE_CODES, type Campaign, type FieldKey, type TypeCode } from './types';

export const TEMPLATE_SHEET = '台账';
export const INSTRUCTIONS_SHEET = '填写说明';
/** Hidden sheet holding the dropdowns' choices. */
export const LISTS_SHEET = '选项';
/** The Excel table's name: its presence says the template is already there (idempotent setup). */
export const TEMPLATE_TABLE = 'LiaisonTracker';
/** Rows the empty table offers, and how far down the dropdowns and formats reach. */
export const TEMPLATE_TABLE_ROWS = 100;
export const TEMPLATE_VALIDATED_ROWS = 2000;
export const TEMPLATE_DATE_FORMAT = 'yyyy-mm-dd';
/** Earliest date the date column's validation accepts without a warning. */
export const TEMPLATE_MIN_DATE = '2000-01-01';
export const TEMPLATE_HEADER_STYLE = { fill: '#4472C4', font: '#FFFFFF', bold: true } as const;

/** Column widths in characters. */
export const TEMPLATE_WIDTHS: Record<FieldKey, number> = {
  liaisonPoint: 28,
  date: 12,
  type: 14,
  leader: 10,
  title: 28,
  participants: 10,
  summary: 40,
  publication: 20,
  materials: 18,
  filledBy: 10,
  remarks: 18,
};

/** The validated columns: what the dropdown or date check says, and whether it stops the entry. */
export const TEMPLATE_VALIDATIONS = {
  liaisonPoint: { style: 'stop', title: '联系点', message: '请从下拉列表中选择联系点。' },
  // A warning, not a stop: free text is allowed; the checker flags what it cannot classify.
  type: { style: 'warning', title: '活动类型', message: '建议从下拉列表中选择活动类型。' },
  date: { style: 'warning', title: '活动日期', message: '请填写日期，例如 2017-03-15。' },
} as const satisfies Partial<Record<FieldKey, { style: 'stop' | 'warning'; title: string; message: string }>>;

/** The activity types people choose from (template dropdown, add-activity form): every type but
 *  "other", which the checker keeps for what it cannot classify. */
export const CHOOSABLE_TYPES: readonly TypeCode[] = TYPE_CODES.filter((t) => t !== 'other');

/** The hidden lists sheet's columns: A the points, B the activity types, each under a header. */
export function templateLists(campaign: Campaign): { points: string[]; types: string[] } {
  return { points: campaign.points.map((p) => p.name), types: CHOOSABLE_TYPES.map((t) => TYPE_LABELS[t].zh) };
}

/** The sheet of instructions (填写说明) beside the tracker. */
export function instructionsSheet(campaign: Campaign): SheetModel {
  const lines: { text: string; heading?: boolean }[] = [
    { text: `${campaign.name} · 台账填写说明`, heading: true },
    { text: `活动期间：${campaign.period.start} 至 ${campaign.period.end}。` },
    { text: '' },
    { text: '一、怎么填', heading: true },
    { text: `1. 在「${TEMPLATE_SHEET}」工作表中每一行记录一次活动；表头不要修改，行数不够时在表格最后一行下方继续填写即可。` },
    { text: `2. ${FIELD_LABELS.liaisonPoint.zh}、${FIELD_LABELS.type.zh}：从下拉列表中选择。` },
    { text: `3. ${FIELD_LABELS.date.zh}：填写日期，如 2017-03-15；必须在活动期间之内。` },
    { text: `4. ${FIELD_LABELS.participants.zh}：只填数字，如 80。` },
    { text: `5. 专题讲座请在「${FIELD_LABELS.publication.zh}」中写明讲座内容整理后在哪个会内媒体刊发（尚未刊发请写“未刊发”）。` },
    { text: '' },
    { text: '二、每个联系点在活动期间须完成的规定动作', heading: true },
    ...campaign.requirements.map((r, i) => ({
      text: `${i + 1}. ${r.name}：至少 ${r.minCount} 次（活动类型：${r.types.map((t) => TYPE_LABELS[t].zh).join(' 或 ')}）。`,
    })),
    { text: '其余活动（走访基层、与当地有关部门沟通、总结经验、自选动作等）计入自选动作。' },
    { text: '' },
    { text: '三、本批联系点', heading: true },
    ...campaign.points.map((p, i) => ({ text: `${i + 1}. ${p.name}${p.leader ? `（联系领导：${p.leader}）` : ''}` })),
    { text: '' },
    { text: '四、检查', heading: true },
    { text: '填好后在任务窗格中点“检查”，或运行 liaison-tracker check 文件.xlsx；有问题的单元格会标色并附批注，「完成情况」工作表列出各联系点尚缺的规定动作。' },
  ];
  const styles: SheetModel['styles'] = { [`A1:A${lines.length}`]: { wrap: true } };
  lines.forEach((line, i) => {
    if (line.heading) styles[`A${i + 1}`] = { bold: true, fontSize: 12, wrap: true };
  });
  return {
    name: INSTRUCTIONS_SHEET,
    rows: lines.map((line) => [line.text]),
    headerRows: [],
    columnWidths: [100],
    styles,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}
