// Which sheets of a workbook make up one tracker (a sheet per month, a sheet per point), chosen as a
// whole so that the sheets' order never matters: a sheet that repeats the others' activities (a
// yearly 汇总 beside the months) is left out wherever it stands, so nothing counts twice.
import { normalisedTheme } from './activity-key';
import { normalizeText } from './text';
import { FIELD_KEYS } from './types';
import type { ColumnMap, TrackerRead, TrackerRecord } from './types';

/** A read sheet, its header's score and its place in the workbook. */
export interface SheetRead {
  read: TrackerRead;
  score: number;
  order: number;
}

// Names of a sheet that sums up others: where two sheets repeat each other, these go first.
const SUMMARY_NAMES = ['汇总', '总表', '合计', '全年', '年度', '累计', '总台账', '总账', 'summary', 'total', 'all'].map(normalizeText);

/** What makes two records the same activity, whichever sheet holds them (unread values included,
 *  so rows with errors compare too). */
function copyKey(r: TrackerRecord): string {
  return `${r.liaisonPointId}|${r.date}|${r.type}|${normalisedTheme(r)}`;
}

/** The fields a column map names, as one comparable string. */
function fieldSet(columns: ColumnMap): string {
  return FIELD_KEYS.filter((f) => columns[f] !== undefined).join(',');
}

function looksLikeSummary(name: string): boolean {
  const key = normalizeText(name);
  return SUMMARY_NAMES.some((w) => key.includes(w));
}

/** The sheets whose activities are mostly (more than half) in the other sheets kept: while there
 *  are any, the one most like a summary (a summary's name, then the most records, then the later
 *  in the workbook) is dropped and the rest looked at again. */
export function copySheets(sheets: readonly SheetRead[]): Set<SheetRead> {
  const keys = new Map(sheets.map((s) => [s, s.read.records.map(copyKey)]));
  const kept = new Set(sheets);
  const dropped = new Set<SheetRead>();
  for (;;) {
    // How many kept sheets hold each activity.
    const holders = new Map<string, number>();
    for (const s of kept) for (const k of new Set(keys.get(s))) holders.set(k, (holders.get(k) ?? 0) + 1);
    // A sheet counts itself once among an activity's holders, so another holder means elsewhere.
    const covered = [...kept].filter((s) => {
      const own = keys.get(s)!;
      const elsewhere = own.filter((k) => holders.get(k)! > 1).length;
      return elsewhere * 2 > own.length;
    });
    if (covered.length === 0) return dropped;
    const worst = covered.reduce((a, b) => (summaryRank(b) > summaryRank(a) ? b : a));
    kept.delete(worst);
    dropped.add(worst);
  }
}

function summaryRank(s: SheetRead): number {
  // Name first, then size, then place: combined into one comparable number.
  return (looksLikeSummary(s.read.sheet) ? 1e12 : 0) + s.read.records.length * 1e5 + s.order;
}

/** The sheets read as one tracker, in workbook order, and the sheets with records left out. Of the
 *  sheets that are not copies, the best header's sheet decides the layout: every sheet mapping the
 *  same fields is read with it. */
export function chooseSheets(best: SheetRead, others: readonly SheetRead[]): { parts: TrackerRead[]; otherSheets: string[] } {
  const withRecords = [best, ...others].filter((s) => s === best || s.read.records.length > 0);
  const filled = withRecords.filter((s) => s.read.records.length > 0);
  const copies = best.read.records.length > 0 && filled.length > 1 ? copySheets(filled) : new Set<SheetRead>();
  const remaining = withRecords.filter((s) => !copies.has(s));
  const lead = remaining.includes(best) ? best : remaining.reduce<SheetRead | null>((top, s) => (!top || s.score > top.score ? s : top), null) ?? best;
  const fields = fieldSet(lead.read.columns);
  const parts = lead.read.records.length > 0 ? remaining.filter((s) => fieldSet(s.read.columns) === fields) : [lead];
  const otherSheets = withRecords.filter((s) => !parts.includes(s) && s.read.records.length > 0).sort((a, b) => a.order - b.order);
  return {
    parts: parts.sort((a, b) => a.order - b.order).map((s) => s.read),
    otherSheets: otherSheets.map((s) => s.read.sheet),
  };
}
