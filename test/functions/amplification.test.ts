// Bug: a 411 KiB .xlsx whose 80,000 cells all pointed at one 2,500-character shared string passed
// every guard and became 200 million characters of records (88 s, 2.4 GB; 7,000 characters gave a
// 500). The amplification family is swept here: each must be refused early with 413 and its own
// code, never a 5xx, and time and memory of each are printed (the worst case goes in the notes).
import ExcelJS from 'exceljs';
import { TEXT_LIMITS } from '../../shared';
import { XLSX_CONTENT_TYPE as XLSX } from '../../shared/api';
import { inflateEntry, zipEntries } from '../../functions/src/xlsx-guard';
import { makeZip, type ZipInput } from '../support/zip';
import { CAMPAIGN, call, rec, submission, useTestStorage } from './helpers';

const ROWS = 20_000;
const COLS = ['A', 'B', 'C', 'D'];
const HEADER = ['联系点', '活动日期', '活动类型', '活动主题'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const sheetXml = (rows: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
const headerRow = `<row r="1">${HEADER.map((_, i) => `<c r="${COLS[i]}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
const sst = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
const plainSi = (t: string) => `<si><t xml:space="preserve">${esc(t)}</t></si>`;

/** A real workbook's parts (exceljs writes one with shared strings), with the sheet and the shared strings replaced. */
async function workbook(sheet: string, strings: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(HEADER);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const parts: ZipInput[] = zipEntries(bytes).map((e) => ({ name: e.name, data: inflateEntry(bytes, e) }));
  parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data = Buffer.from(sheet);
  parts.find((p) => p.name === 'xl/sharedStrings.xml')!.data = Buffer.from(sst(strings));
  return new Uint8Array(makeZip(parts));
}

/** Every data cell points at shared string 4. */
function referencingRows(rows = ROWS): string {
  const out: string[] = [headerRow];
  for (let r = 2; r <= rows + 1; r++) out.push(`<row r="${r}">${COLS.map((c) => `<c r="${c}${r}" t="s"><v>4</v></c>`).join('')}</row>`);
  return out.join('');
}

const FAMILY: { name: string; make: () => Promise<Uint8Array> }[] = [
  { name: 'one 2,500-char shared string × 80,000 cells', make: () => workbook(sheetXml(referencingRows()), [...HEADER.map(plainSi), plainSi('长'.repeat(2_500))]) },
  { name: 'one 7,000-char shared string × 80,000 cells', make: () => workbook(sheetXml(referencingRows()), [...HEADER.map(plainSi), plainSi('长'.repeat(7_000))]) },
  {
    name: 'rich-text runs (500 runs of 5) × 80,000 cells',
    make: () => workbook(sheetXml(referencingRows()), [...HEADER.map(plainSi), `<si>${Array.from({ length: 500 }, (_, i) => `<r><rPr><b/></rPr><t>${'富文本' + String(i % 10).padStart(2, '0')}</t></r>`).join('')}</si>`]),
  },
  {
    name: 'inline strings of 600 chars × 80,000 cells',
    make: () => {
      const text = 'x'.repeat(600);
      const rows = [headerRow];
      for (let r = 2; r <= ROWS + 1; r++) rows.push(`<row r="${r}">${COLS.map((c) => `<c r="${c}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`);
      return workbook(sheetXml(rows.join('')), HEADER.map(plainSi));
    },
  },
  {
    name: 'one 30,000-char cell merged down 90,000 rows',
    make: () =>
      workbook(
        sheetXml(`${headerRow}<row r="2"><c r="D2" t="s"><v>4</v></c></row><row r="90001"><c r="A90001" t="s"><v>0</v></c></row>`, '<mergeCells count="1"><mergeCell ref="D2:D90001"/></mergeCells>'),
        [...HEADER.map(plainSi), plainSi('长'.repeat(30_000))],
      ),
  },
];

describe('text amplification is refused early', () => {
  const env = useTestStorage();
  const post = (bytes: Uint8Array) =>
    call('submissions-create', { key: env.keys.guizhou, bytes, contentType: XLSX, query: { campaignId: CAMPAIGN, provinceId: 'guizhou', month: '2017-05' } });

  test.each(FAMILY)('$name → 413, nothing stored', async ({ make }) => {
    const bytes = await make();
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const res = await post(bytes);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`[amplification] ${(bytes.byteLength / 1024).toFixed(0)} KiB file: ${res.status} ${res.json?.error?.code} in ${ms.toFixed(0)} ms, rss +${((peak - before.rss) / 1024 / 1024).toFixed(0)} MiB`);
    expect(res.status).toBe(413);
    expect(['text-budget-exceeded', 'cell-text-too-long']).toContain(res.json.error.code);
    expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.json.error.details).toMatchObject({ limitChars: expect.any(Number), where: expect.stringMatching(/^台账!/) });
    expect(await env.repo.listSummaries(CAMPAIGN, 'guizhou')).toEqual([]);
  });

  test('a cell longer than Excel allows is refused as such', async () => {
    const res = await post(await workbook(sheetXml(`${headerRow}<row r="2"><c r="D2" t="s"><v>4</v></c></row>`), [...HEADER.map(plainSi), plainSi('x'.repeat(TEXT_LIMITS.cellChars + 1))]));
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'cell-text-too-long', details: { where: '台账!D2' } });
  });

  test('an ordinary tracker within the budget is stored', async () => {
    const rows = [headerRow];
    for (let r = 2; r <= 201; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>4</v></c><c r="B${r}" t="inlineStr"><is><t>2017-05-0${(r % 9) + 1}</t></is></c><c r="C${r}" t="s"><v>5</v></c><c r="D${r}" t="inlineStr"><is><t>主题${r}</t></is></c></row>`);
    const res = await post(await workbook(sheetXml(rows.join('')), [...HEADER.map(plainSi), plainSi('毕节'), plainSi('专题讲座')]));
    expect(res.status).toBe(201);
    expect(res.json.recordCount).toBe(200);
  });

  test('a JSON field past its limit is refused with its path', async () => {
    const res = await call('submissions-create', {
      key: env.keys.guizhou,
      body: submission('guizhou', '2017-05', [rec(2, 'guizhou-bijie', '2017-05-03', 'lecture', { leader: '王'.repeat(1001) })]),
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid-body', details: { path: 'records[0].leader' } });
  });
});
