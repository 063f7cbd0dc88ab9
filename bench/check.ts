// Bench section: exceljs alone loading generated trackers vs. the whole `check` (the CLI's code
// path), and the core's speed on an in-memory grid.
import * as ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkTracker, DEFAULT_CAMPAIGN, findTracker } from '../shared';
import { checkWorkbook, readWorkbookGrids } from '../xlsx';
import { writeTracker } from './generate-tracker';
import { interleaved, median, printTable, timeMs, type BenchSection } from './section';

const SIZES = [1_000, 10_000, 100_000];
/** Bumped whenever the generator changes, so stale files are not reused. */
const GENERATOR_VERSION = 1;

async function trackerFile(rows: number): Promise<string> {
  const dir = path.join(tmpdir(), 'liaison-tracker-bench');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `tracker-v${GENERATOR_VERSION}-${rows}.xlsx`);
  if (!existsSync(file)) await writeTracker(file, rows);
  return file;
}

interface Measured {
  rows: number;
  load: number;
  check: number;
  core: number;
}

async function measure(rows: number): Promise<Measured> {
  const data = await readFile(await trackerFile(rows));
  const repeats = rows >= 100_000 ? 2 : rows >= 10_000 ? 5 : 9;
  const [load, check] = await interleaved(
    repeats,
    () => new ExcelJS.Workbook().xlsx.load(data as unknown as ExcelJS.Buffer),
    () => checkWorkbook(data, DEFAULT_CAMPAIGN, { file: 'bench.xlsx' }),
  );
  const sheets = await readWorkbookGrids(data);
  const core: number[] = [];
  for (let i = 0; i < repeats; i++) {
    core.push(
      await timeMs(() => {
        const read = findTracker(sheets, DEFAULT_CAMPAIGN);
        if (!read || read.records.length !== rows) throw new Error(`bench tracker of ${rows} rows misread`);
        checkTracker(read, DEFAULT_CAMPAIGN, { file: 'bench.xlsx' });
      }),
    );
  }
  return { rows, load: median(load), check: median(check), core: median(core) };
}

const fmtMs = (ms: number): string => `${ms.toFixed(0)} ms`;

export const checkSection: BenchSection = {
  name: 'check: exceljs load vs. the whole check',
  async run(print) {
    // Warm-up: JIT and first-use costs stay out of the figures.
    await measure(1_000);
    const results: Measured[] = [];
    for (const rows of SIZES) results.push(await measure(rows));
    const header = ['rows', 'exceljs load', 'check', 'check/load', 'core (grid)', 'core rows/s'];
    const table = results.map((r) => [
      r.rows.toLocaleString('en-US'),
      fmtMs(r.load),
      fmtMs(r.check),
      `${(r.check / r.load).toFixed(2)}×`,
      fmtMs(r.core),
      Math.round(r.rows / (r.core / 1000)).toLocaleString('en-US'),
    ]);
    printTable(print, header, table);
    const at = (rows: number): Measured => results.find((r) => r.rows === rows) as Measured;
    const ratio10k = at(10_000).check / at(10_000).load;
    const growth = at(100_000).check / at(10_000).check;
    print('');
    print(`target: check at 10k ≤ 1.3× exceljs load — ${ratio10k.toFixed(2)}× ${ratio10k <= 1.3 ? 'met' : 'MISSED'}`);
    print(`target: check at 100k ≤ 12× check at 10k — ${growth.toFixed(2)}× ${growth <= 12 ? 'met' : 'MISSED'}`);
  },
};
