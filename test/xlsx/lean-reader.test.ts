// The reading layer's own facts: refusals with their codes, what the lean .xlsx reader resolves
// (CJK date formats, 1904, phonetic guides, hidden sheets and rows, merges), and that it reads
// what exceljs reads on random workbooks.
import * as fc from 'fast-check';
import * as ExcelJS from 'exceljs';
import { readWorkbook, readWorkbookGrids, WorkbookError } from '../../xlsx';
import { workbookGrids } from '../../xlsx/read-grids';
import { isDateFormatCode } from '../../xlsx/read/date-formats';
import { chartOnlyXlsx, craftedXlsx, encryptedOoxml, sheetXml, wordDoc } from './crafted';
import { makeZip } from '../support/zip';
import { bytesOf, day } from './workbooks';

async function refusal(bytes: Uint8Array): Promise<WorkbookError> {
  const error = await readWorkbookGrids(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookError);
  return error as WorkbookError;
}

describe('refusals', () => {
  const cases: [string, () => Uint8Array, string, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), 'empty-file', /空的/],
    ['an .xlsx with an opening password (OLE with EncryptedPackage)', encryptedOoxml, 'encrypted', /设有打开密码，请去掉密码后另存为 \.xlsx/],
    ['a Word .doc', wordDoc, 'not-a-workbook', /Word 文档/],
    ['a Word .docx', () => new Uint8Array(makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }])), 'not-a-workbook', /Word 文档/],
    ['a zip of something else', () => new Uint8Array(makeZip([{ name: 'a.txt', data: Buffer.from('x') }])), 'not-a-workbook', /不是电子表格/],
    ['a valid .xlsx whose only sheet is a chart', chartOnlyXlsx, 'no-worksheet', /只有图表/],
  ];
  it.each(cases)('%s', async (_label, make, code, message) => {
    const error = await refusal(make());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/已损坏/);
    expect(error.messageEn).toMatch(/[a-z]/);
  });

  it('tells a truncated .xlsx as damaged', async () => {
    const data = await bytesOf(workbookOfRows([['a', 1]]));
    for (const cut of [10, data.length / 2, data.length - 30]) expect((await refusal(data.subarray(0, Math.floor(cut)))).code).toBe('damaged');
  });
});

function workbookOfRows(rows: ExcelJS.CellValue[][]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('S');
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (sheet.getCell(r + 1, c + 1).value = v)));
  return workbook;
}

const STYLES = (numFmts: string, xfs: string[]) =>
  `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;

describe('the lean .xlsx reader', () => {
  it('reads the CJK built-in date formats 27–36 and 50–58 as dates, and plain numbers as numbers', async () => {
    const ids = [0, 14, 27, 28, 31, 36, 50, 57, 58, 1];
    const xfs = ids.map((id) => `<xf numFmtId="${id}"/>`);
    const cells = ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>42809</v></c>`).join('');
    const [sheet] = await readWorkbookGrids(craftedXlsx([{ name: 'S', xml: sheetXml(`<row r="1">${cells}</row>`) }], { styles: STYLES('', xfs) }));
    expect(sheet.grid[0]).toEqual([42809, day('2017-03-15'), day('2017-03-15'), day('2017-03-15'), day('2017-03-15'), day('2017-03-15'), day('2017-03-15'), day('2017-03-15'), day('2017-03-15'), 42809]);
  });

  it('applies the 1904 date system to date cells and reports it', async () => {
    const data = craftedXlsx([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>41347</v></c><c r="B1"><v>41347</v></c></row>') }], {
      styles: STYLES('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>', ['<xf numFmtId="0"/>', '<xf numFmtId="164"/>']),
      workbookPr: '<workbookPr date1904="1"/>',
    });
    const [sheet] = await readWorkbookGrids(data);
    expect(sheet.date1904).toBe(true);
    expect(sheet.grid[0]).toEqual([day('2017-03-15'), 41347]);
  });

  it('leaves phonetic guides out of shared strings and resolves _xHHHH_ escapes, rich text and inline strings', async () => {
    const shared =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>联系点</t><rPh sb="0" eb="3"><t>リエゾン</t></rPh></si>' +
      '<si><r><t>海淀</t></r><r><rPr><b/></rPr><t xml:space="preserve">区 </t></r></si>' +
      '<si><t>a_x000D_b &amp; &lt;c&gt;</t></si></sst>';
    const xml = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>行内</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="str"><f>A1</f><v>公式</v></c></row>');
    const [sheet] = await readWorkbookGrids(craftedXlsx([{ name: 'S', xml }], { sharedStrings: shared }));
    expect(sheet.grid[0]).toEqual(['联系点', '海淀区 ', 'a\rb & <c>', '行内', true, '#N/A', '公式']);
  });

  it('reports hidden sheets, hidden rows and merges; a merge reads on each of its rows', async () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>毕节</t></is></c><c r="B2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>被合并</t></is></c><c r="B3"><v>2</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells>',
    );
    const sheets = await readWorkbookGrids(craftedXlsx([{ name: '台账', xml }, { name: '隐藏', xml: sheetXml(''), state: 'veryHidden' }]));
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['台账', false], ['隐藏', true]]);
    expect(sheets[0].hiddenRows).toEqual([1]);
    expect(sheets[0].merges).toEqual(['A1:C1', 'A2:A3']);
    expect(sheets[0].grid[2][0]).toBe('毕节');
  });

  it('reads parts with a namespace prefix and cells without addresses', async () => {
    const xml = '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const [sheet] = await readWorkbookGrids(craftedXlsx([{ name: 'S', xml }]));
    expect(sheet.grid).toEqual([['甲', 5]]);
  });

  it('tells format codes that show dates from those that do not', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日', 'm/d', 'h:mm', '[h]:mm', 'YYYY/MM/DD', '上午/下午h"时"mm"分"']) expect([code, isDateFormatCode(code)]).toEqual([code, true]);
    for (const code of ['General', '0.00', '#,##0', '0.00E+00', '[Red]0.0', '0"天"', '@', '"Day "0']) expect([code, isDateFormatCode(code)]).toEqual([code, false]);
  });

  it('gives the source format, for writing back', async () => {
    expect((await readWorkbook(await bytesOf(workbookOfRows([['a']])))).format).toBe('xlsx');
    expect((await readWorkbook(new TextEncoder().encode('a,b\n1,2\n'))).format).toBe('csv');
  });
});

/** Grids compared as values: trailing blanks and blank rows at the end do not count. */
function normalised(grid: unknown[][]): unknown[][] {
  const rows = grid.map((row) => {
    const out = Array.from(row, (v) => (v === undefined || v === null ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const cellValue = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }).filter((s) => s.length > 0),
  fc.constantFrom('联系点', '民进贵州省毕节市工委', 'a & <b> "c"', ' 前后空格 ', '多\n行', '=SUM(A1)', '_x000D_'),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.integer({ min: 0, max: 60_000 }).map((n) => ({ date: n })),
);
const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yy', 'yyyy/m/d h:mm'];

describe('lean reader vs exceljs on random workbooks', () => {
  it('reads the same values, merges and dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.option(fc.record({ top: fc.integer({ min: 1, max: 10 }), col: fc.integer({ min: 1, max: 5 }), height: fc.integer({ min: 1, max: 3 }) })),
        fc.boolean(),
        async (rows, fmt, sharedStrings, merge, date1904) => {
          const workbook = new ExcelJS.Workbook();
          workbook.properties.date1904 = date1904;
          const sheet = workbook.addWorksheet('台账');
          rows.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v === null) return;
              const cell = sheet.getCell(r + 1, c + 1);
              if (typeof v === 'object') {
                cell.value = new Date(Date.UTC(1900, 0, 1) + v.date * 86_400_000);
                cell.numFmt = DATE_FORMATS[fmt];
              } else cell.value = v;
            }),
          );
          if (merge) sheet.mergeCells(merge.top, merge.col, merge.top + merge.height, merge.col + 1);
          const data = new Uint8Array(await (workbook.xlsx as unknown as { writeBuffer(o: object): Promise<ArrayBuffer> }).writeBuffer({ useSharedStrings: sharedStrings }));
          const expected = new ExcelJS.Workbook();
          await expected.xlsx.load(data as unknown as ExcelJS.Buffer);
          const [lean] = await readWorkbookGrids(data);
          const [theirs] = workbookGrids(expected);
          expect(normalised(lean.grid)).toEqual(normalised(theirs.grid));
          expect(lean.date1904).toBe(date1904);
          expect(lean.merges).toEqual(merge ? [sheet.getCell(merge.top, merge.col).address + ':' + sheet.getCell(merge.top + merge.height, merge.col + 1).address] : []);
        },
      ),
      { numRuns: 60 },
    );
  });
});
