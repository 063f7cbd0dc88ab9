// The whole check of one tracker: records, issues, completeness (the CLI's --json contract).
import { computeCompleteness } from './completeness';
import { validateRecords } from './validate';
import type { Campaign, CheckReport, IsoDate, TrackerRead } from './types';

export function checkTracker(read: TrackerRead, campaign: Campaign, opts: { file: string; asOf?: IsoDate; allPoints?: boolean }): CheckReport {
  const issues = validateRecords(read.records, campaign, read.columns, {
    ...(read.parts ? { parts: read.parts } : {}),
    ...(read.layout ? { layout: read.layout } : {}),
  });
  const completeness = computeCompleteness(read.records, issues, campaign, {
    asOf: opts.asOf,
    pointIds: opts.allPoints ? campaign.points.map((p) => p.id) : undefined,
  });
  return {
    file: opts.file,
    sheet: read.sheet,
    headerRow: read.headerRow,
    columns: read.columns,
    records: read.records,
    issues,
    completeness,
    ...(read.parts ? { parts: read.parts } : {}),
    ...(read.otherSheets ? { otherSheets: read.otherSheets } : {}),
    ...(read.layout ? { layout: read.layout } : {}),
  };
}
