import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { checkWorkbook, readWorkbook } from '../../xlsx';
import { FORMATS_DIR } from '../fixtures/formats/make';

const FILES = ['tracker.xlsx', 'tracker.xls', 'tracker.ods', 'tracker-gbk.csv'];
const bytes = (file: string) => new Uint8Array(readFileSync(path.join(FORMATS_DIR, file)));

describe('the same tracker in every format', () => {
  it.each(FILES)('%s gives the records, issues and completeness of the .xlsx', async (file) => {
    const opts = { file: 'x', asOf: '2017-12-31' as const };
    const expected = await checkWorkbook(bytes('tracker.xlsx'), DEFAULT_CAMPAIGN, opts);
    const got = await checkWorkbook(bytes(file), DEFAULT_CAMPAIGN, opts);
    expect(expected.records.length).toBe(5);
    expect(got.records).toEqual(expected.records);
    expect(got.issues).toEqual(expected.issues);
    expect(got.completeness).toEqual(expected.completeness);
  });
});
