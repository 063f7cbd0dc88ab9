// `check` on the same tracker as .xlsx, .xls, .ods and GBK .csv: the same records, issues and
// completeness; `--out` of a non-.xlsx input is a new .xlsx next to it, the original untouched.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CheckReport } from '../../shared';
import { FORMATS_DIR } from '../fixtures/formats/make';
import { encryptedOoxml, chartOnlyXlsx } from '../xlsx/crafted';
import { loaded, tempDir } from '../xlsx/workbooks';
import { writeFileSync } from 'node:fs';
import { cli } from './run';

const FILES = ['tracker.xlsx', 'tracker.xls', 'tracker.ods', 'tracker-gbk.csv'];

describe('check in every format', () => {
  const dir = tempDir('cli-formats');
  beforeAll(() => FILES.forEach((f) => copyFileSync(path.join(FORMATS_DIR, f), path.join(dir, f))));
  const report = async (file: string): Promise<CheckReport> => {
    const run = await cli(dir, 'check', file, '--json', '--as-of', '2017-12-31');
    expect(run.code).toBe(1);
    return JSON.parse(run.stdout) as CheckReport;
  };

  it.each(FILES.slice(1))('%s reports what the .xlsx reports', async (file) => {
    const [expected, got] = [await report('tracker.xlsx'), await report(file)];
    expect(got.records).toEqual(expected.records);
    expect(got.issues).toEqual(expected.issues);
    expect(got.completeness).toEqual(expected.completeness);
  });

  it.each([['tracker.xls', 'checked.xls', 'checked.xlsx'], ['tracker-gbk.csv', 'tracker-gbk.csv', 'tracker-gbk.xlsx']])(
    '--out of %s (asked %s) is written as %s, the original unchanged',
    async (file, out, written) => {
      const before = readFileSync(path.join(dir, file));
      const run = await cli(dir, 'check', file, '--out', out, '--as-of', '2017-12-31');
      expect(run.stdout).toContain(`已另存为 ${written}`);
      expect(readFileSync(path.join(dir, file)).equals(before)).toBe(true);
      expect(existsSync(path.join(dir, written))).toBe(true);
      const book = await loaded(readFileSync(path.join(dir, written)));
      expect(book.getWorksheet('完成情况')).toBeDefined();
      // The checked copy checks like the original.
      const again = await cli(dir, 'check', written, '--json', '--as-of', '2017-12-31');
      expect((JSON.parse(again.stdout) as CheckReport).issues).toEqual((await report(file)).issues);
    },
  );

  it.each([
    ['locked.xlsx', encryptedOoxml, /设有打开密码，请去掉密码后另存为 \.xlsx/],
    ['chart.xlsx', chartOnlyXlsx, /只有图表/],
    ['empty.xls', () => new Uint8Array(0), /文件是空的/],
  ])('%s is refused with exit 2 and a remedy', async (file, make, message) => {
    writeFileSync(path.join(dir, file), make());
    const run = await cli(dir, 'check', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/已损坏/);
  });
});
