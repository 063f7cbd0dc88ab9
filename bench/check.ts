// Bench section "check": the check as shipped against the floor (zlib-unzip the sheet and scan it),
// the check as it was (exceljs loading everything), and the peers (SheetJS dense, exceljs
// streaming), at 10k and 100k rows; peak memory at 100k, each contender alone in a fresh process;
// the check per format (.xlsx, .xls, .ods, GBK .csv) at 10k; and the CLI from process start to exit.
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { DEFAULT_CAMPAIGN } from '../shared';
import { checkWorkbook } from '../xlsx';
import { nodeInflate } from '../xlsx/read/inflate-node';
import { CONTENDERS } from './check-contenders';
import { writeTracker } from './generate-tracker';
import { interleavedAll, median, printTable, spread, type BenchSection } from './section';

const REPEATS = 5;
/** Bumped whenever the generator changes, so stale files are not reused. */
const GENERATOR_VERSION = 1;
const DIR = path.join(tmpdir(), 'liaison-tracker-bench');
const ROOT = path.resolve(__dirname, '../..');

async function trackerFile(rows: number): Promise<string> {
  await mkdir(DIR, { recursive: true });
  const file = path.join(DIR, `tracker-v${GENERATOR_VERSION}-${rows}.xlsx`);
  if (!existsSync(file)) await writeTracker(file, rows);
  return file;
}

/** The same tracker as .xls, .ods and GBK .csv, written by SheetJS from the .xlsx. */
async function otherFormats(xlsxFile: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const book = XLSX.read(await readFile(xlsxFile), { type: 'buffer', cellDates: false, cellNF: true });
  for (const [ext, bookType] of [['xls', 'biff8'], ['ods', 'ods']] as const) {
    const file = xlsxFile.replace(/\.xlsx$/, `.${ext}`);
    if (!existsSync(file)) await writeFile(file, XLSX.write(book, { type: 'buffer', bookType }));
    files[ext] = file;
  }
  const csv = xlsxFile.replace(/\.xlsx$/, '-gbk.csv');
  if (!existsSync(csv)) await writeFile(csv, iconv.encode(XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]], { rawNumbers: false }), 'gbk'));
  files.csv = csv;
  return files;
}

const NAMES = ['floor', 'check', 'checkBefore', 'sheetJsDense', 'exceljsStream'] as const;
const LABELS: Record<(typeof NAMES)[number], string> = {
  floor: 'floor: zlib unzip + scan',
  check: 'check (lean reader)',
  checkBefore: 'check before (exceljs)',
  sheetJsDense: 'peer: SheetJS dense load',
  exceljsStream: 'peer: exceljs stream load',
};

function peakBytes(name: string, file: string): number {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/bench/peak.js'), name, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`peak ${name}: ${run.stderr}`);
  return Number(run.stdout.trim());
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

export const checkSection: BenchSection = {
  name: 'check: lean reader vs. floor, peers and the exceljs check; formats; CLI start-up',
  async run(print) {
    const medians: Record<number, Record<string, number>> = {};
    // Warm-up: JIT and first-use costs stay out of the figures.
    const warm = new Uint8Array(await readFile(await trackerFile(1_000)));
    for (const name of NAMES) await CONTENDERS[name](warm);
    for (const rows of [10_000, 100_000]) {
      const data = new Uint8Array(await readFile(await trackerFile(rows)));
      const times = await interleavedAll(REPEATS, NAMES.map((name) => () => CONTENDERS[name](data)));
      medians[rows] = Object.fromEntries(NAMES.map((name, i) => [name, median(times[i])]));
      print(`${rows.toLocaleString('en-US')} rows (.xlsx ${mib(data.byteLength)}), ${REPEATS} interleaved repeats, ms min/median/max:`);
      printTable(print, ['contender', 'min/median/max', '× floor'], NAMES.map((name, i) => [LABELS[name], spread(times[i]), `${(median(times[i]) / medians[rows].floor).toFixed(2)}×`]));
      print('');
    }

    const file100k = await trackerFile(100_000);
    const peaks = Object.fromEntries(NAMES.map((name) => [name, peakBytes(name, file100k)]));
    print('peak memory at 100,000 rows (each alone in a fresh node process, max RSS):');
    printTable(print, ['contender', 'peak', '× floor'], NAMES.map((name) => [LABELS[name], mib(peaks[name]), `${(peaks[name] / peaks.floor).toFixed(2)}×`]));
    print('');

    const file10k = await trackerFile(10_000);
    const formats: Record<string, string> = { xlsx: file10k, ...(await otherFormats(file10k)) };
    const formatData = await Promise.all(Object.values(formats).map(async (f) => new Uint8Array(await readFile(f))));
    const floor10k = new Uint8Array(await readFile(file10k));
    const formatTimes = await interleavedAll(REPEATS, [
      () => CONTENDERS.floor(floor10k),
      ...formatData.map((data, i) => () => checkWorkbook(data, DEFAULT_CAMPAIGN, { file: `bench.${Object.keys(formats)[i]}`, asOf: '2017-12-31', read: { inflate: nodeInflate } })),
    ]);
    print('check per format at 10,000 rows (the same tracker; .xls/.ods/.csv written by SheetJS, the .csv in GBK), ms:');
    printTable(print, ['format', 'min/median/max', '× .xlsx floor'], [
      ['floor (.xlsx)', spread(formatTimes[0]), '1.00×'],
      ...Object.keys(formats).map((ext, i) => [`.${ext}`, spread(formatTimes[i + 1]), `${(median(formatTimes[i + 1]) / median(formatTimes[0])).toFixed(2)}×`]),
    ]);
    print('');

    const file200 = await trackerFile(200);
    const bin = path.join(ROOT, 'bin/liaison-tracker.js');
    const processes: [string, string[]][] = [
      ["bare node -e ''", ['-e', '']],
      ['liaison-tracker help', [bin, 'help']],
      ['liaison-tracker check (200 rows)', [bin, 'check', file200, '--as-of', '2017-12-31']],
    ];
    const processTimes = await interleavedAll(REPEATS, processes.map(([, args]) => () => spawnSync(process.execPath, args, { stdio: 'ignore' })));
    print('the CLI, process start to exit, ms:');
    printTable(print, ['command', 'min/median/max', '× bare node'], processes.map(([label], i) => [label, spread(processTimes[i]), `${(median(processTimes[i]) / median(processTimes[0])).toFixed(2)}×`]));
    print('');

    const m10 = medians[10_000];
    const m100 = medians[100_000];
    const ratio10k = m10.check / m10.checkBefore;
    const ratio100k = m100.check / m100.floor;
    const memory = peaks.check / peaks.floor;
    const cli = median(processTimes[2]) / median(processTimes[0]);
    print(`target: check at 10k ≤ 0.6× the check before — ${ratio10k.toFixed(2)}× ${verdict(ratio10k <= 0.6)}`);
    print(`target: check at 10k no slower than the fastest peer's load — ${(m10.check / Math.min(m10.sheetJsDense, m10.exceljsStream)).toFixed(2)}× ${verdict(m10.check <= Math.min(m10.sheetJsDense, m10.exceljsStream))}`);
    print(`target: check at 100k ≤ 3× the floor — ${ratio100k.toFixed(2)}× ${verdict(ratio100k <= 3)}`);
    print(`target: peak memory of the check at 100k ≤ 2× the floor's — ${memory.toFixed(2)}× ${verdict(memory <= 2)}`);
    print(`target: CLI check of 200 rows ≤ 3× bare node — ${cli.toFixed(2)}× ${verdict(cli <= 3)}`);
  },
};
