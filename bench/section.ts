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

/** Times `a` and `b` `repeats` times each, interleaved and taking turns at going first, so drift
 *  and garbage collection hit both alike. */
export async function interleaved(repeats: number, a: () => unknown, b: () => unknown): Promise<[number[], number[]]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < repeats; i++) {
    if (i % 2 === 0) {
      ta.push(await timeMs(a));
      tb.push(await timeMs(b));
    } else {
      tb.push(await timeMs(b));
      ta.push(await timeMs(a));
    }
  }
  return [ta, tb];
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

/** Times every contender `repeats` times, interleaved, the order rotating each round. */
export async function interleavedAll(repeats: number, contenders: (() => unknown)[]): Promise<number[][]> {
  const times: number[][] = contenders.map(() => []);
  for (let i = 0; i < repeats; i++) {
    for (let k = 0; k < contenders.length; k++) {
      const j = (k + i) % contenders.length;
      times[j].push(await timeMs(contenders[j]));
    }
  }
  return times;
}

/** `min / median / max` of timings in ms. */
export function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0].toFixed(0)}/${median(values).toFixed(0)}/${sorted[sorted.length - 1].toFixed(0)}`;
}
