// Settings kept in the workbook: a very-hidden sheet of key/value rows, the same in Excel and in
// the .xlsx of browser mode, so a mapping saved in one mode is honoured in the other (Office's own
// settings part would be invisible to .xlsx readers).
import type { CellValue } from '../../shared/types';

export const SETTINGS_SHEET = 'LiaisonTrackerSettings';
const HEADER = ['key', 'value'];

export function settingsFromRows(rows: CellValue[][]): Map<string, string> {
  const settings = new Map<string, string>();
  for (const [key, value] of rows.slice(1)) {
    if (typeof key === 'string' && key !== '' && value !== null && value !== undefined) settings.set(key, String(value));
  }
  return settings;
}

export function settingsToRows(settings: Map<string, string>): string[][] {
  return [HEADER, ...[...settings].map(([key, value]) => [key, value])];
}
