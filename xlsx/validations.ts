// exceljs expands every loaded validation range into one entry per cell and, when writing, joins
// them back in string order of addresses ("A10" before "A2"), which yields overlapping rules that
// Excel may reject. Before writing a loaded workbook we join them ourselves: one range per run of
// rows in a column.
import type * as ExcelJS from 'exceljs';
import { columnLetter } from '../shared';
import { parseCellAddress } from '../shared/columns';

type ValidationModel = Record<string, ExcelJS.DataValidation>;

function modelOf(sheet: ExcelJS.Worksheet): { model: ValidationModel } {
  return (sheet as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
}

export function compactValidations(sheet: ExcelJS.Worksheet): void {
  const holder = modelOf(sheet);
  const groups = new Map<string, { column: number; validation: ExcelJS.DataValidation; rows: number[] }>();
  const compacted: ValidationModel = {};
  for (const [address, validation] of Object.entries(holder.model)) {
    const cell = parseCellAddress(address);
    if (!cell) {
      compacted[address] = validation;
      continue;
    }
    const key = `${cell.col}\u0000${JSON.stringify(validation)}`;
    const group = groups.get(key) ?? { column: cell.col, validation, rows: [] };
    group.rows.push(cell.row);
    groups.set(key, group);
  }
  for (const { column, validation, rows } of groups.values()) {
    rows.sort((a, b) => a - b);
    const letter = columnLetter(column);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const end = rows[i - 1];
      compacted[start === end ? `${letter}${start}` : `${letter}${start}:${letter}${end}`] = validation;
      start = rows[i];
    }
  }
  holder.model = compacted;
}
