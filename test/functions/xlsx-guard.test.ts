// Hostile workbooks are refused before exceljs loads them (it would expand everything in memory):
// zip bombs, lying zip directories, a million rows, a cell at the last column.
// These tests exist because of a bug: only the upload's own size was limited, so a small .xlsx could exhaust memory.
import ExcelJS from 'exceljs';
import { ApiFailure } from '../../functions/src/http/responses';
import { countSheet, guardXlsx, inflateEntry, XLSX_LIMITS, zipEntries } from '../../functions/src/xlsx-guard';
import { makeZip, type ZipInput } from '../support/zip';
import { CAMPAIGN, call, useTestStorage } from './helpers';
import { XLSX_CONTENT_TYPE as XLSX } from '../../shared/api';

/** A real workbook's parts (from exceljs), with sheet1.xml replaced by `sheetXml`. */
async function workbookWith(sheetXml: string | Buffer, rows: unknown[][] = [['联系点', '活动日期', '活动类型']]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const row of rows) ws.addRow(row);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const parts: ZipInput[] = zipEntries(bytes).map((e) => ({ name: e.name, data: inflateEntry(bytes, e) }));
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
  sheet.data = Buffer.isBuffer(sheetXml) ? sheetXml : Buffer.from(sheetXml);
  return makeZip(parts);
}

const sheetXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;

function refusal(bytes: Uint8Array): ApiFailure {
  try {
    guardXlsx(bytes);
  } catch (err) {
    if (err instanceof ApiFailure) return err;
    throw err;
  }
  throw new Error('guardXlsx let the workbook through');
}

describe('the guard alone', () => {
  test('an ordinary 20,000-record tracker passes', async () => {
    const rows: unknown[][] = [['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况', '参加人数']];
    for (let i = 0; i < 20_000; i++) rows.push(['毕节', new Date(Date.UTC(2017, 4, 1 + (i % 28))), '座谈会', '王副主席', `主题第${i}号：基层组织建设`, '会刊', 30]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    for (const row of rows) ws.addRow(row);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => guardXlsx(bytes)).not.toThrow();
    const unzipped = zipEntries(bytes).reduce((s, e) => s + e.size, 0);
    expect(unzipped).toBeLessThan(XLSX_LIMITS.uncompressedBytes / 2);
  });

  test('a sheet with 1,000,000 rows is refused with 413 naming the sheet, without exceljs', async () => {
    const body: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) body.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    const bytes = await workbookWith(sheetXml(body.join('')));
    expect(bytes.byteLength).toBeLessThan(10 * 1024 * 1024);
    const failure = refusal(bytes);
    expect(failure).toMatchObject({ status: 413, code: 'xlsx-too-many-rows', details: { sheet: '台账', rows: 1_000_000, limit: XLSX_LIMITS.rows } });
    expect(failure.message).toContain('台账');
  });

  test('one row numbered 1,048,576 counts as that many rows (exceljs would fill every row before it)', async () => {
    const failure = refusal(await workbookWith(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>')));
    expect(failure.code).toBe('xlsx-too-many-rows');
  });

  test('a cell in the last column is refused', async () => {
    const failure = refusal(await workbookWith(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>')));
    expect(failure).toMatchObject({ status: 413, code: 'xlsx-too-many-columns', details: { columns: 16_384 } });
  });

  test('a zip that declares gigabytes is refused from its directory', () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 0xfffffff0 }]);
    expect(refusal(bomb)).toMatchObject({ status: 413, code: 'xlsx-too-large' });
  });

  test('a zip that lies about its sizes is stopped at the declared size, not inflated in full', () => {
    const zeros = Buffer.alloc(50 * 1024 * 1024);
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1000 }]);
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(refusal(bomb)).toMatchObject({ status: 400, code: 'xlsx-unreadable' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  test('counting ignores <cols>, <col> and <rowBreaks>', () => {
    const xml = Buffer.from('<cols><col min="1" max="16384"/></cols><sheetData><row r="3" spans="1:2"><c r="B3"/><c r="C3" t="s"><v>0</v></c></row></sheetData><rowBreaks count="1"/>');
    expect(countSheet(xml)).toEqual({ rows: 3, columns: 3, cells: 2 });
  });

  test('bytes that are not a zip are left to the reader', () => {
    expect(() => guardXlsx(Buffer.from('联系点,日期'))).not.toThrow();
  });
});

describe('through the submission handler', () => {
  const env = useTestStorage();

  test('a zip bomb upload answers 413 in the error shape', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 2_000_000_000 }]);
    const res = await call('submissions-create', {
      key: env.keys.guizhou,
      bytes: new Uint8Array(bomb),
      contentType: XLSX,
      query: { campaignId: CAMPAIGN, provinceId: 'guizhou', month: '2017-05' },
    });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'xlsx-too-large', details: { limitBytes: XLSX_LIMITS.uncompressedBytes } });
    expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await env.repo.listSummaries(CAMPAIGN, 'guizhou')).toEqual([]);
  });
});
