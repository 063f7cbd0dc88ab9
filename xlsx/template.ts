// The fresh tracker workbook (`liaison-tracker template`): an Excel table with our columns,
// dropdowns fed from a hidden list sheet, a date format, a frozen header and a sheet of instructions.
import * as ExcelJS from 'exceljs';
import { FIELD_LABELS, TEMPLATE_COLUMNS, columnLetter, TYPE_LABELS, TYPE_CODES, type Campaign, type FieldKey } from '../shared';

export const TEMPLATE_SHEET = '台账';
export const INSTRUCTIONS_SHEET = '填写说明';
export const LISTS_SHEET = '选项';
/** Rows the empty table offers, and how far down the dropdowns and formats reach. */
const TABLE_ROWS = 100;
const VALIDATED_ROWS = 2000;

const WIDTHS: Record<FieldKey, number> = {
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

/** The activity types offered in the dropdown: every type but "other", which the checker uses for unknowns. */
function typeChoices(): string[] {
  return TYPE_CODES.filter((t) => t !== 'other').map((t) => TYPE_LABELS[t].zh);
}

interface ListRefs {
  points: string;
  types: string;
}

/** Where the dropdowns' choices live on the hidden list sheet. */
function listRefs(campaign: Campaign): ListRefs {
  return {
    points: `'${LISTS_SHEET}'!$A$2:$A$${campaign.points.length + 1}`,
    types: `'${LISTS_SHEET}'!$B$2:$B$${typeChoices().length + 1}`,
  };
}

function addLists(workbook: ExcelJS.Workbook, campaign: Campaign): void {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.getCell('A1').value = FIELD_LABELS.liaisonPoint.zh;
  lists.getCell('B1').value = FIELD_LABELS.type.zh;
  campaign.points.forEach((p, i) => (lists.getCell(i + 2, 1).value = p.name));
  typeChoices().forEach((t, i) => (lists.getCell(i + 2, 2).value = t));
}

function addTracker(workbook: ExcelJS.Workbook, lists: ListRefs): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.addTable({
    name: 'LiaisonTracker',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: TEMPLATE_COLUMNS.map((key) => ({ name: FIELD_LABELS[key].zh, filterButton: true })),
    rows: Array.from({ length: TABLE_ROWS }, () => TEMPLATE_COLUMNS.map(() => null)),
  });
  TEMPLATE_COLUMNS.forEach((key, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = WIDTHS[key];
    const letter = columnLetter(i);
    const range = `${letter}2:${letter}${VALIDATED_ROWS}`;
    if (key === 'date') column.numFmt = 'yyyy-mm-dd';
    // dataValidations is exceljs's worksheet-level API; its types leave it out.
    const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    if (key === 'liaisonPoint') {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [lists.points],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '联系点',
        error: '请从下拉列表中选择联系点。',
      });
    }
    if (key === 'type') {
      // A warning, not a stop: a free-text type is allowed, the checker flags what it cannot classify.
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [lists.types],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '活动类型',
        error: '建议从下拉列表中选择活动类型。',
      });
    }
    if (key === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '活动日期',
        error: '请填写日期，例如 2017-03-15。',
      });
    }
  });
  // Styled by hand as well: LibreOffice and older WPS ignore the table style.
  sheet.getRow(1).height = 22;
  TEMPLATE_COLUMNS.forEach((_, i) => {
    sheet.getCell(1, i + 1).style = {
      font: { bold: true, color: { argb: 'FFFFFFFF' } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF4472C4' } },
      alignment: { vertical: 'middle', horizontal: 'center' },
    };
  });
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
}

function addInstructions(workbook: ExcelJS.Workbook, campaign: Campaign): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.getColumn(1).width = 100;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const lines: { text: string; bold?: boolean }[] = [
    { text: `${campaign.name} · 台账填写说明`, bold: true },
    { text: `活动期间：${campaign.period.start} 至 ${campaign.period.end}。` },
    { text: '' },
    { text: '一、怎么填', bold: true },
    { text: `1. 在「${TEMPLATE_SHEET}」工作表中每一行记录一次活动；表头不要修改，行数不够时在表格最后一行下方继续填写即可。` },
    { text: `2. ${FIELD_LABELS.liaisonPoint.zh}、${FIELD_LABELS.type.zh}：从下拉列表中选择。` },
    { text: `3. ${FIELD_LABELS.date.zh}：填写日期，如 2017-03-15；必须在活动期间之内。` },
    { text: `4. ${FIELD_LABELS.participants.zh}：只填数字，如 80。` },
    { text: `5. 专题讲座请在「${FIELD_LABELS.publication.zh}」中写明讲座内容整理后在哪个会内媒体刊发（尚未刊发请写“未刊发”）。` },
    { text: '' },
    { text: '二、每个联系点在活动期间须完成的规定动作', bold: true },
    ...campaign.requirements.map((r, i) => ({
      text: `${i + 1}. ${r.name}：至少 ${r.minCount} 次（活动类型：${r.types.map((t) => TYPE_LABELS[t].zh).join(' 或 ')}）。`,
    })),
    { text: '其余活动（走访基层、与当地有关部门沟通、总结经验、自选动作等）计入自选动作。' },
    { text: '' },
    { text: '三、本批联系点', bold: true },
    ...campaign.points.map((p, i) => ({ text: `${i + 1}. ${p.name}${p.leader ? `（联系领导：${p.leader}）` : ''}` })),
    { text: '' },
    { text: '四、检查', bold: true },
    { text: '填好后可运行 liaison-tracker check 文件.xlsx 检查；有问题的单元格会标色并附批注，「完成情况」工作表列出各联系点尚缺的规定动作。' },
  ];
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.style = { alignment: { wrapText: true, vertical: 'top' }, font: { bold: !!line.bold, size: line.bold ? 12 : 11 } };
  });
}

export function buildTemplate(campaign: Campaign): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'liaison-tracker';
  addTracker(workbook, listRefs(campaign));
  addInstructions(workbook, campaign);
  addLists(workbook, campaign);
  return workbook;
}
