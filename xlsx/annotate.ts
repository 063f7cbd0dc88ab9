// Applies problem annotations (fill + note) to a tracker worksheet with exceljs, clearing those of
// a previous check that are gone. The decisions are shared/annotation-plan's; this only reads and
// writes cells and the state sheet.
import * as ExcelJS from 'exceljs';
import { HIGHLIGHT, type CellAnnotation } from '../shared';
import {
  ANNOTATION_STATE_SHEET,
  memosFromRows,
  memosToRows,
  planAnnotations,
  type AnnotationMemo,
  type CellLook,
} from '../shared/annotation-plan';
import { worksheetGrid } from './read-grids';
import { solidFill } from './render-sheet';
import { WorkbookError } from './workbook-error';

const JSON_PREFIX = 'json:';

/** The plan's token for a cell fill: `#RRGGBB` for a plain solid colour, else the fill itself as JSON. */
export function fillToken(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return null;
  if (fill.type === 'pattern' && fill.pattern === 'solid') {
    const argb = fill.fgColor?.argb;
    if (argb && /^[0-9A-Fa-f]{8}$/.test(argb) && Object.keys(fill.fgColor ?? {}).length === 1) {
      return `#${argb.slice(2).toUpperCase()}`;
    }
  }
  return JSON_PREFIX + JSON.stringify(fill);
}

function fillFromToken(token: string): ExcelJS.Fill {
  return token.startsWith(JSON_PREFIX) ? (JSON.parse(token.slice(JSON_PREFIX.length)) as ExcelJS.Fill) : solidFill(token);
}

/** A note's plain text (exceljs gives a string, or rich text runs once loaded). */
export function noteText(note: string | ExcelJS.Comment | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note || null;
  return (note.texts ?? []).map((t) => t.text).join('') || null;
}

// exceljs shares one style object between cells of the same style: always replace, never mutate.
function setFill(cell: ExcelJS.Cell, token: string | null): void {
  const { fill: _old, ...rest } = cell.style;
  cell.style = token === null ? rest : { ...rest, fill: fillFromToken(token) };
}

function setNote(cell: ExcelJS.Cell, text: string | null): void {
  if (text !== null) {
    cell.note = text;
    return;
  }
  // exceljs has no public way to delete a note. A cell keeps it in `_comment`, and a loaded cell
  // also in the model it was loaded from, which exceljs writes back out.
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model) delete internals._value.model.comment;
}

function readMemos(workbook: ExcelJS.Workbook): AnnotationMemo[] {
  const state = workbook.getWorksheet(ANNOTATION_STATE_SHEET);
  return state ? memosFromRows(worksheetGrid(state)) : [];
}

function writeMemos(workbook: ExcelJS.Workbook, memos: AnnotationMemo[]): void {
  const old = workbook.getWorksheet(ANNOTATION_STATE_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  if (memos.length === 0) return;
  const state = workbook.addWorksheet(ANNOTATION_STATE_SHEET, { state: 'veryHidden' });
  // Written cell by cell as strings: a note starting with "=" must stay text.
  memosToRows(memos).forEach((row, r) => row.forEach((value, c) => (state.getCell(r + 1, c + 1).value = value)));
}

/** Paints `annotations` on `sheetName`, restores cells annotated last time that are now fine. */
export function applyAnnotations(workbook: ExcelJS.Workbook, sheetName: string, annotations: CellAnnotation[]): void {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) {
    throw new WorkbookError('sheet-not-found', `工作簿中没有名为「${sheetName}」的工作表。`, `The workbook has no sheet named "${sheetName}".`);
  }
  const lookAt = (address: string): CellLook => {
    const cell = sheet.getCell(address);
    return { fill: fillToken(cell.style.fill), note: noteText(cell.note) };
  };
  const plan = planAnnotations({
    sheet: sheetName,
    previous: readMemos(workbook),
    annotations,
    fillFor: (a) => HIGHLIGHT[a.severity].fill.toUpperCase(),
    lookAt,
  });
  for (const step of plan.restore) {
    const cell = sheet.getCell(step.cell);
    if (step.fill !== undefined) setFill(cell, step.fill);
    if (step.note !== undefined) setNote(cell, step.note);
  }
  for (const step of plan.paint) {
    const cell = sheet.getCell(step.cell);
    setFill(cell, step.fill);
    setNote(cell, step.note);
  }
  writeMemos(workbook, plan.remember);
}
