// A second producer of .xlsx files for the tests: LibreOffice Calc re-saves what exceljs wrote, as
// a provincial office's LibreOffice would (its own styles, shared strings, recalculated formulas,
// date1904="true"). Needs `soffice` (Debian: libreoffice-calc).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './workbooks';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));

/** The files, each opened and saved again as .xlsx by LibreOffice (one run for all of them). */
export function resavedByLibreOffice(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is needed for these tests: apt-get install libreoffice-calc');
  const dir = tempDir('lo-in');
  const out = tempDir('lo-out');
  const names = Object.keys(files);
  names.forEach((name, i) => writeFileSync(path.join(dir, `${i}.xlsx`), files[name]));
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${tempDir('lo-profile')}`,
      '--headless',
      '--calc',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      ...names.map((_, i) => path.join(dir, `${i}.xlsx`)),
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return Object.fromEntries(names.map((name, i) => [name, new Uint8Array(readFileSync(path.join(out, `${i}.xlsx`)))]));
}
