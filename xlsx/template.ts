// The fresh tracker workbook (`liaison-tracker template`): an Excel table with our columns,
// dropdowns fed from a hidden list sheet, a date format, a frozen header and a sheet of instructions.
import * as ExcelJS from 'exceljs';
import {
  FIELD_LABELS,
  TEMPLATE_COLUMNS,
  cellSafeText,
  columnLetter,
  instructionsSheet,
  templateLists,
  LISTS_SHEET,
  TEMPLATE_DATE_FORMAT,
  TEMPLATE_HEADER_STYLE,
  TEMPLATE_MIN_DATE,
  TEMPLATE_SHEET,
  TEMPLATE_TABLE,
  TEMPLATE_TABLE_ROWS,
  TEMPLATE_VALIDATED_ROWS,
  TEMPLATE_VALIDATIONS,
  TEMPLATE_WIDTHS,
  type Campaign,
  type FieldKey,
} from '../shared';
import { argb, renderSheetModel, solidFill } from './render-sheet';

function errorAlert(alert: { style: 'stop' | 'warning'; title: string; message: string }): Partial<ExcelJS.DataValidation> {
  return { showErrorMessage: true, errorStyle: alert.style, errorTitle: alert.title, error: alert.message };
}

interface ListRefs {
  points: string;
  types: string;
}

/** Where the dropdowns' choices live on the hidden list sheet. */
function listRefs(campaign: Campaign): ListRefs {
  const lists = templateLists(campaign);
  return {
    points: `'${LISTS_SHEET}'!$A$2:$A$${lists.points.length + 1}`,
    types: `'${LISTS_SHEET}'!$B$2:$B$${lists.types.length + 1}`,
  };
}

function addLists(workbook: ExcelJS.Workbook, campaign: Campaign): void {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.getCell('A1').value = FIELD_LABELS.liaisonPoint.zh;
  lists.getCell('B1').value = FIELD_LABELS.type.zh;
  const choices = templateLists(campaign);
  choices.points.forEach((name, i) => (lists.getCell(i + 2, 1).value = cellSafeText(name)));
  choices.types.forEach((name, i) => (lists.getCell(i + 2, 2).value = cellSafeText(name)));
}

/** The rule of each validated column (TEMPLATE_VALIDATIONS says what its alert says). */
function validationRules(lists: ListRefs): Record<keyof typeof TEMPLATE_VALIDATIONS, ExcelJS.DataValidation> {
  const rule = (key: keyof typeof TEMPLATE_VALIDATIONS, v: Omit<ExcelJS.DataValidation, 'allowBlank'>): ExcelJS.DataValidation => ({
    ...v,
    allowBlank: true,
    ...errorAlert(TEMPLATE_VALIDATIONS[key]),
  });
  return {
    liaisonPoint: rule('liaisonPoint', { type: 'list', formulae: [lists.points] }),
    type: rule('type', { type: 'list', formulae: [lists.types] }),
    date: rule('date', { type: 'date', operator: 'greaterThan', formulae: [new Date(`${TEMPLATE_MIN_DATE}T00:00:00Z`)] }),
  };
}

function addTracker(workbook: ExcelJS.Workbook, lists: ListRefs): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.addTable({
    name: TEMPLATE_TABLE,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: TEMPLATE_COLUMNS.map((key) => ({ name: FIELD_LABELS[key].zh, filterButton: true })),
    rows: Array.from({ length: TEMPLATE_TABLE_ROWS }, () => TEMPLATE_COLUMNS.map(() => null)),
  });
  // dataValidations is exceljs's worksheet-level API; its types leave it out.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const rules: Partial<Record<FieldKey, ExcelJS.DataValidation>> = validationRules(lists);
  TEMPLATE_COLUMNS.forEach((key, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = TEMPLATE_WIDTHS[key];
    if (key === 'date') column.numFmt = TEMPLATE_DATE_FORMAT;
    const rule = rules[key];
    const letter = columnLetter(i);
    if (rule) validations.add(`${letter}2:${letter}${TEMPLATE_VALIDATED_ROWS}`, rule);
  });
  // Styled by hand as well: LibreOffice and older WPS ignore the table style.
  sheet.getRow(1).height = 22;
  TEMPLATE_COLUMNS.forEach((_, i) => {
    sheet.getCell(1, i + 1).style = {
      font: { bold: true, color: { argb: argb(TEMPLATE_HEADER_STYLE.font) } },
      fill: solidFill(TEMPLATE_HEADER_STYLE.fill),
      alignment: { vertical: 'middle', horizontal: 'center' },
    };
  });
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
}

export function buildTemplate(campaign: Campaign): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'liaison-tracker';
  addTracker(workbook, listRefs(campaign));
  renderSheetModel(workbook, instructionsSheet(campaign));
  addLists(workbook, campaign);
  return workbook;
}
