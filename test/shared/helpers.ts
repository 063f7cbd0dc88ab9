// Shared builders for the core's tests: grids as Excel/exceljs would hand them over.
import type { CellValue, Grid, TrackerRecord } from '../../shared';

/** A UTC-midnight Date, as exceljs gives date cells. */
export function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** A record with everything empty but what is given. */
export function record(fields: Partial<TrackerRecord> & { row: number }): TrackerRecord {
  return {
    liaisonPointId: null,
    date: null,
    type: null,
    leader: null,
    title: null,
    participants: null,
    summary: null,
    publication: null,
    materials: null,
    filledBy: null,
    remarks: null,
    ...fields,
  };
}

/** Pads rows to the same width, like `range.values` does. */
export function rect(rows: CellValue[][]): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
}
