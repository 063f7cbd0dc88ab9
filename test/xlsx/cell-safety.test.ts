// Bug: one U+FFFE/U+FFFF in submitted text made the report .xlsx invalid XML, and cells/notes went
// past Excel's 32,767 characters. Random Unicode goes through every writer; the files must parse
// as XML 1.0 and load in exceljs with every text within the limit.
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { DEFAULT_CAMPAIGN, EXCEL_CELL_CHARS, cellSafeText, sanitizeCellText } from '../../shared';
import { buildMonthlyReport } from '../../shared/report';
import { applyAnnotations, buildTemplate, checkWorkbook, renderSheetModel, writeCheckedWorkbook } from '../../xlsx';
import { writeMonthlyReportXlsx } from '../../xlsx/report';
import { aggregate, completePoint, record } from '../report/fixtures';
import { bytesOf, loaded, xlsxOf } from './workbooks';

const NASTY = ['\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\u0000', '\u0001', '\u000B', '\u001F', '\t', '\r\n', '=', '+', '-', '@', '😀', '中文', '\uDBFF\uDFFF'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 12 })
  .map((parts) => parts.join(''));
/** Sometimes far over the cell limit. */
const anyText = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: text.map((t) => `${t}长`.repeat(Math.ceil(40_000 / (t.length + 1)))) });

/** Parses every XML part strictly (XML 1.0); returns the texts of all `<t>` elements (shared
 *  strings, inline strings, notes). */
function wellFormedTexts(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const out: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: false });
    let error: Error | null = null;
    // Text sits in <t> (shared strings, inline strings, notes) or, from the streaming writer, in the
    // <v> of a cell typed t="str".
    let inText = false;
    let strCell = false;
    let text = '';
    const holdsText = (name: string) => name === 't' || (name === 'v' && strCell);
    parser.on('error', (e) => (error ??= e));
    parser.on('opentag', (tag) => {
      if (tag.name === 'c') strCell = tag.attributes.t === 'str';
      inText = holdsText(tag.name);
      text = '';
    });
    parser.on('text', (t) => void (inText && (text += t)));
    parser.on('closetag', (tag) => void (holdsText(tag.name) && inText && (out.push(text), (inText = false))));
    parser.write(strFromU8(data)).close();
    if (error) throw new Error(`${name}: ${(error as Error).message}`);
  }
  return out;
}

function texts(workbook: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') out.push(cell.value);
        const note = cell.note as string | ExcelJS.Comment | undefined;
        if (note) out.push(typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''));
      }),
    );
  }
  return out;
}

/** Equal, except where exceljs's writer replaced the halves of a surrogate pair by U+FFFD: it
 *  does so past about 32,600 characters of one string (its own bug; the file stays well-formed). */
function sameText(written: string, wanted: string): boolean {
  if (written.length !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) {
    if (written[i] !== wanted[i] && !(written[i] === '\uFFFD' && /[\uD800-\uDFFF]/.test(wanted[i]))) return false;
  }
  return true;
}

/** Well-formed XML, loads in exceljs, every text within Excel's limit, and `expected` is there (as
 *  XML holds it: a CR reads back as LF). The XML is compared, not exceljs's reading: exceljs's own
 *  reader can split an emoji's surrogate pair at a buffer boundary. */
async function assertSafe(bytes: Uint8Array, expected?: string): Promise<void> {
  const inXml = wellFormedTexts(bytes);
  const all = texts(await loaded(bytes));
  const longest = Math.max(0, ...all.map((t) => t.length), ...inXml.map((t) => t.length));
  expect(longest).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
  const want = expected?.replace(/\r\n?/g, '\n');
  if (want && !inXml.some((t) => sameText(t, want))) {
    throw new Error(`not read back: ${JSON.stringify(want.slice(0, 40))} (${want.length} chars)`);
  }
}

const RUNS = { numRuns: 8 };

describe('every workbook we write is well-formed and within Excel limits', () => {
  test('cellSafeText drops what XML forbids, keeps pairs, cuts at 32,767 with a marker', () => {
    expect(cellSafeText('a\uFFFEb\uFFFFc\u0000d\u0008e\tf\r\ng')).toBe('abcde\tf\r\ng');
    expect(cellSafeText('x\uD800y\uDC00z😀')).toBe('xyz😀');
    const cut = cellSafeText('中'.repeat(40_000));
    expect(cut.length).toBe(EXCEL_CELL_CHARS);
    expect(cut.endsWith('【已截断 truncated】')).toBe(true);
    // A pair straddling the cut is not split into a lone surrogate.
    const pairs = cellSafeText('😀'.repeat(20_000));
    expect(cellSafeText(pairs)).toBe(pairs);
    expect(sanitizeCellText('\uFFFE=1+1')).toBe("'=1+1");
    fc.assert(fc.property(anyText, (t) => cellSafeText(cellSafeText(t)) === cellSafeText(t)));
  });

  test('the monthly report', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (title, remarks) => {
        const records = [...completePoint('beijing-haidian', '2017-05'), record('hainan-sanya', '2017-05-11', 'symposium', { title, summary: remarks, leader: title })];
        const agg = aggregate('2017-05', records);
        const report = buildMonthlyReport(agg, DEFAULT_CAMPAIGN, { generatedAt: '2017-06-06T01:00:00Z', remarks });
        await assertSafe(await writeMonthlyReportXlsx(report, agg, DEFAULT_CAMPAIGN), cellSafeText(title));
      }),
      RUNS,
    );
  });

  test('a sheet model (status sheet, aggregate sheets)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 4 }), async (values) => {
        const workbook = new ExcelJS.Workbook();
        renderSheetModel(workbook, { name: 'S', rows: [values], headerRows: [] });
        await assertSafe(await bytesOf(workbook), cellSafeText(values[0]));
      }),
      RUNS,
    );
  });

  test('notes and the hidden annotation-state sheet', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (note, userNote) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('台账');
        sheet.getCell('B2').value = 'x';
        // The user's own note (stored in the hidden state sheet to be restored later).
        sheet.getCell('B2').note = cellSafeText(userNote) || 'n';
        applyAnnotations(workbook, '台账', [{ cell: 'B2', severity: 'error', note }]);
        await assertSafe(await bytesOf(workbook), cellSafeText(note));
      }),
      RUNS,
    );
  });

  test('check --out: a checked workbook whose cells quote hostile text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (t) => {
        const data = await xlsxOf([
          { name: '台账', rows: [['联系点', '活动日期', '活动类型', '活动主题'], ['毕节', cellSafeText(`三月${t}`), '专题讲座', cellSafeText(t)]] },
        ]);
        const report = await checkWorkbook(data, DEFAULT_CAMPAIGN, { file: 'x.xlsx', asOf: '2017-12-31' });
        await assertSafe(await writeCheckedWorkbook(data, report, DEFAULT_CAMPAIGN, '2017-12-31'));
      }),
      { numRuns: 6 },
    );
  });

  test('the template (campaign names on the hidden list sheet)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (name) => {
        const [first, ...rest] = DEFAULT_CAMPAIGN.points;
        const campaign = { ...DEFAULT_CAMPAIGN, points: [{ ...first, name: `${name}点` }, ...rest] };
        await assertSafe(await bytesOf(buildTemplate(campaign)));
      }),
      { numRuns: 6 },
    );
  });
});
