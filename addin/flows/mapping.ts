// The column mapping the user confirmed, remembered in the workbook so the next session (and the
// other mode: Excel or browser) reads the tracker the same way.
import { parseColumnMap } from '../../shared/columns';
import type { ColumnMap } from '../../shared/types';
import type { WorkbookPort } from '../workbook/port';
import { FlowError } from './errors';

export interface TrackerMapping {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: ColumnMap;
}

export const MAPPING_SETTING = 'tracker.mapping';

/** Checks a mapping (from the pane or from the workbook, where anyone may have edited it). */
function parseMapping(value: unknown): TrackerMapping {
  const invalid = (where: string) =>
    new FlowError('mapping-invalid', `列映射无效：${where}。`, `Invalid column mapping: ${where}.`);
  if (typeof value !== 'object' || value === null) throw invalid('mapping');
  const { sheet, headerRow, columns } = value as Record<string, unknown>;
  if (typeof sheet !== 'string' || sheet === '') throw invalid('sheet');
  if (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 1) throw invalid('headerRow');
  const parsed = parseColumnMap(columns);
  if (!parsed.ok) throw invalid(parsed.path);
  return { sheet, headerRow, columns: parsed.columns };
}

/** The saved mapping, or null when there is none or it no longer parses (then we detect afresh). */
export async function loadMapping(port: WorkbookPort): Promise<TrackerMapping | null> {
  const text = await port.getSetting(MAPPING_SETTING);
  if (text === null) return null;
  try {
    return parseMapping(JSON.parse(text));
  } catch {
    return null;
  }
}

export async function saveMapping(port: WorkbookPort, mapping: TrackerMapping): Promise<void> {
  const checked = parseMapping(mapping);
  await port.setSetting(MAPPING_SETTING, JSON.stringify(checked));
}
