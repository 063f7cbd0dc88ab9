// The standard tracker in Excel, laid out as shared/template-layout.ts says (as the .xlsx one):
// sheet 台账 with an Excel table of our columns, dropdowns fed from a hidden list sheet, a date
// format, a frozen header, and the instructions sheet. Idempotent: the table's name says whether it
// is already there.
import {
  columnLetter,
  FIELD_LABELS,
  instructionsSheet,
  templateLists,
  INSTRUCTIONS_SHEET,
  LISTS_SHEET,
  TEMPLATE_COLUMNS,
  TEMPLATE_DATE_FORMAT,
  TEMPLATE_HEADER_STYLE,
  TEMPLATE_MIN_DATE,
  TEMPLATE_SHEET,
  TEMPLATE_TABLE,
  TEMPLATE_TABLE_ROWS,
  TEMPLATE_VALIDATED_ROWS,
  TEMPLATE_VALIDATIONS,
  TEMPLATE_WIDTHS,
} from '../../shared';
import type { Campaign } from '../../shared/types';
import { POINTS_PER_CHAR, writeSheetModel } from './excel-sheet-writer';
import { toExcelRows } from './excel-values';
import type { TemplateOutcome } from './port';

type Alert = { style: 'stop' | 'warning'; title: string; message: string };

function errorAlert(alert: Alert): Excel.DataValidationErrorAlert {
  return { showAlert: true, style: alert.style === 'stop' ? 'Stop' : 'Warning', title: alert.title, message: alert.message };
}

function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`)) return `${wanted}${n}`;
}

/** Two syncs when the table exists (to say where); when it is created, two plus the instructions sheet's. */
export async function ensureExcelTemplate(context: Excel.RequestContext, campaign: Campaign): Promise<TemplateOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const existing = context.workbook.tables.getItemOrNullObject(TEMPLATE_TABLE);
  await context.sync();
  if (!existing.isNullObject) {
    const sheet = existing.worksheet.load('name');
    const header = existing.getHeaderRowRange().load('rowIndex');
    await context.sync();
    return { sheet: sheet.name, headerRow: header.rowIndex + 1, created: false };
  }

  const taken = new Set(worksheets.items.map((ws) => ws.name));
  const sheetName = freeName(TEMPLATE_SHEET, taken);
  const listsName = freeName(LISTS_SHEET, taken);
  const { points, types } = templateLists(campaign);

  const lists = worksheets.add(listsName);
  const listRows = Math.max(points.length, types.length) + 1;
  const listValues = Array.from({ length: listRows }, (_, r) =>
    r === 0 ? [FIELD_LABELS.liaisonPoint.zh, FIELD_LABELS.type.zh] : [points[r - 1] ?? null, types[r - 1] ?? null],
  );
  lists.getRangeByIndexes(0, 0, listRows, 2).values = toExcelRows(listValues, 2);
  lists.visibility = 'Hidden';

  const sheet = worksheets.add(sheetName);
  const width = TEMPLATE_COLUMNS.length;
  const last = columnLetter(width - 1);
  sheet.getRange(`A1:${last}1`).values = [TEMPLATE_COLUMNS.map((key) => FIELD_LABELS[key].zh)];
  const table = sheet.tables.add(`A1:${last}${TEMPLATE_TABLE_ROWS + 1}`, true);
  table.name = TEMPLATE_TABLE;
  table.style = 'TableStyleMedium2';
  sheet.freezePanes.freezeRows(1);
  // Styled by hand as well as by the table style, which LibreOffice and older WPS ignore.
  const header = sheet.getRange(`A1:${last}1`).format;
  header.fill.color = TEMPLATE_HEADER_STYLE.fill;
  header.font.color = TEMPLATE_HEADER_STYLE.font;
  header.font.bold = TEMPLATE_HEADER_STYLE.bold;

  const quoted = `'${listsName.replace(/'/g, "''")}'`;
  TEMPLATE_COLUMNS.forEach((key, i) => {
    const letter = columnLetter(i);
    const column = sheet.getRange(`${letter}2:${letter}${TEMPLATE_VALIDATED_ROWS}`);
    sheet.getRange(`${letter}1`).format.columnWidth = TEMPLATE_WIDTHS[key] * POINTS_PER_CHAR;
    if (key === 'date') {
      column.numberFormat = Array.from({ length: TEMPLATE_VALIDATED_ROWS - 1 }, () => [TEMPLATE_DATE_FORMAT]);
      column.dataValidation.rule = { date: { formula1: TEMPLATE_MIN_DATE, operator: 'GreaterThan' } };
      column.dataValidation.errorAlert = errorAlert(TEMPLATE_VALIDATIONS.date);
    }
    if (key === 'liaisonPoint') {
      column.dataValidation.rule = { list: { inCellDropDown: true, source: `=${quoted}!$A$2:$A$${points.length + 1}` } };
      column.dataValidation.errorAlert = errorAlert(TEMPLATE_VALIDATIONS.liaisonPoint);
    }
    if (key === 'type') {
      column.dataValidation.rule = { list: { inCellDropDown: true, source: `=${quoted}!$B$2:$B$${types.length + 1}` } };
      column.dataValidation.errorAlert = errorAlert(TEMPLATE_VALIDATIONS.type);
    }
  });
  await context.sync();
  if (!taken.has(INSTRUCTIONS_SHEET)) await writeSheetModel(context, instructionsSheet(campaign));
  sheet.activate();
  await context.sync();
  return { sheet: sheetName, headerRow: 1, created: true };
}
