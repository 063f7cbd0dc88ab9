// What every reader of the reading layer accepts: limits and hooks, so the API can bound untrusted
// input and count text while grids are built (a shared text budget plugs in through `onText`).
import type { InflateRaw } from './zip';

export interface ReadLimits {
  /** Highest row number of any sheet (Excel's own: 1,048,576). */
  rows: number;
  /** Highest column number of any sheet (Excel's own: 16,384). */
  columns: number;
  /** Cells holding a value, across all sheets. */
  cells: number;
  /** Bytes all unzipped parts together may take. */
  unzippedBytes: number;
}

export const EXCEL_LIMITS: ReadLimits = {
  rows: 1_048_576,
  columns: 16_384,
  cells: 20_000_000,
  unzippedBytes: 512 * 1024 * 1024,
};

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** Raw inflate for zip parts; default fflate (browser-safe). Node callers may pass zlib's. */
  inflate?: InflateRaw;
  /** Called for every text cell with its length before it is kept; throwing stops the read. One
   *  shared string referenced 80,000 times is counted 80,000 times. */
  onText?: (length: number, sheet: string, row: number, col: number) => void;
  /** Leave out these sheets (our own state sheet). */
  skipSheets?: readonly string[];
}

export function limitsOf(options: ReadOptions): ReadLimits {
  return { ...EXCEL_LIMITS, ...options.limits };
}
