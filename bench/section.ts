// What the sections of `npm run bench` share: the section shape, timing and printing.
import { performance } from 'node:perf_hooks';

/** One part of `npm run bench`; `print` writes a line of its report. */
export interface BenchSection {
  name: string;
  run(print: (line: string) => void): Promise<void>;
}

export async function timeMs(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A right-aligned table, one `print` per line. */
export function printTable(print: (line: string) => void, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  print(line(header));
  for (const row of rows) print(line(row));
}
