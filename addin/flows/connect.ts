// Connecting the tracker: find it in the workbook (or honour the mapping the user saved), and
// create the standard one when there is none.
import { findTracker, readTracker } from '../../shared';
import type { Campaign, ColumnMap, TrackerRead } from '../../shared/types';
import type { SheetGrid, TemplateOutcome, WorkbookPort } from '../workbook/port';
import { loadMapping, type TrackerMapping } from './mapping';
import type { FlowOptions } from './progress';

export interface Connection extends TrackerMapping {
  /** The header texts found, by column letter, for showing the mapping. */
  headers: Record<string, string>;
  recordCount: number;
  /** True when the user's saved mapping was used rather than detection. */
  saved: boolean;
  /** Every sheet read: several when the tracker is kept a sheet per month under one header
   *  (`sheet` and the mapping are then the first's), else just `sheet`. */
  sheets: string[];
  /** Other sheets holding records under a header mapping other fields, which are not read. */
  otherSheets: string[];
}

/** Reads the tracker with the saved mapping when it still fits, else finds it anywhere. */
export async function locateTracker(
  port: WorkbookPort,
  campaign: Campaign,
  options: FlowOptions = {},
): Promise<{ read: TrackerRead; saved: boolean } | null> {
  const progress = (p: { sheet: string; done: number; total: number }) => options.onProgress?.({ phase: 'read', ...p });
  const mapping = await loadMapping(port);
  if (mapping && (await port.sheetNames()).includes(mapping.sheet)) {
    const [sheet] = await port.readGrids([mapping.sheet], progress, options.signal);
    const read = readTracker(sheet.grid, campaign, { ...mapping, merges: sheet.merges, date1904: sheet.date1904 });
    if (read) return { read, saved: true };
  }
  const sheets: SheetGrid[] = await port.readGrids(undefined, progress, options.signal);
  const read = findTracker(sheets, campaign);
  return read ? { read, saved: false } : null;
}

/** null → the pane offers to create the standard tracker. */
export function connect(port: WorkbookPort, campaign: Campaign, options: FlowOptions = {}): Promise<Connection | null> {
  return port.transaction(async () => {
    const found = await locateTracker(port, campaign, options);
    return found ? toConnection(found.read, found.saved) : null;
  });
}

function toConnection(read: TrackerRead, saved: boolean): Connection {
  const columns: ColumnMap = { ...read.columns };
  return {
    sheet: read.sheet,
    headerRow: read.headerRow,
    columns,
    headers: read.headers,
    recordCount: read.records.length,
    saved,
    sheets: read.parts?.map((p) => p.sheet) ?? [read.sheet],
    otherSheets: read.otherSheets ?? [],
  };
}

/** Creates the standard tracker (idempotent: a second call changes nothing) and shows it. */
export function createTracker(port: WorkbookPort, campaign: Campaign): Promise<TemplateOutcome> {
  return port.transaction(async () => {
    const outcome = await port.ensureTemplate(campaign);
    await port.activate(outcome.sheet);
    return outcome;
  });
}
