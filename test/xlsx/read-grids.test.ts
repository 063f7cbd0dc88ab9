import * as ExcelJS from 'exceljs';
import { ANNOTATION_STATE_SHEET } from '../../shared/annotation-plan';
import { readWorkbookGrids, WorkbookError } from '../../xlsx';
import { day, xlsxOf } from './workbooks';

describe('readWorkbookGrids', () => {
  it('gives plain values: merged master only, rich text, formula results, hyperlinks, dates, errors as Excel shows them', async () => {
    const data = await xlsxOf([
      {
        name: '台账',
        rows: [
          ['标题', null, null],
          [{ richText: [{ text: '联系' }, { font: { bold: true }, text: '点' }] }, { formula: 'B3*2', result: 160 }, { error: '#N/A' }],
          [{ text: '链接', hyperlink: 'https://example.org' }, 80, day('2017-03-15')],
          [{ formula: 'DATE(2017,3,16)', result: day('2017-03-16') }, true, '=not a formula'],
        ],
        merges: ['A1:C1'],
        numFmts: { C3: 'yyyy-mm-dd', A4: 'yyyy-mm-dd' },
      },
    ]);
    const [sheet] = await readWorkbookGrids(data);
    expect(sheet.name).toBe('台账');
    const g = sheet.grid;
    expect(g[0][0]).toBe('标题');
    expect(g[0][1] ?? null).toBeNull();
    expect(g[0][2] ?? null).toBeNull();
    expect(g[1]).toEqual(['联系点', 160, '#N/A']);
    expect(g[2][0]).toBe('链接');
    expect(g[2][1]).toBe(80);
    expect(g[2][2]).toEqual(day('2017-03-15'));
    expect(g[3][0]).toEqual(day('2017-03-16'));
    expect(g[3][1]).toBe(true);
    expect(g[3][2]).toBe('=not a formula');
  });

  it('keeps row positions across blank rows and gives every row an array', async () => {
    const data = await xlsxOf([{ name: 'S', rows: [['a'], [], [], [null, 'b']] }]);
    const [{ grid }] = await readWorkbookGrids(data);
    expect(grid).toHaveLength(4);
    expect(Array.isArray(grid[1]) && Array.isArray(grid[2])).toBe(true);
    expect(grid[3][1]).toBe('b');
  });

  it('lists sheets in tab order and leaves out our annotation state sheet', async () => {
    const data = await xlsxOf([
      { name: '说明', rows: [['x']] },
      { name: '台账', rows: [['y']] },
      { name: ANNOTATION_STATE_SHEET, rows: [['sheet']] },
    ]);
    expect((await readWorkbookGrids(data)).map((s) => s.name)).toEqual(['说明', '台账']);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const data = await xlsxOf([{ name: 'S', rows: [['a']] }]);
    const copy = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    expect((await readWorkbookGrids(copy))[0].grid[0][0]).toBe('a');
  });

  const unusable: [string, Uint8Array, string][] = [
    ['an empty file', new Uint8Array(0), 'empty-file'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3'), 'not-a-workbook'],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'not-a-workbook'],
    ['a truncated OLE file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'damaged'],
    ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'damaged'],
  ];
  it.each(unusable)('rejects %s with a WorkbookError', async (_label, bytes, code) => {
    const error = await readWorkbookGrids(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe(code);
    expect((error as WorkbookError).message).toMatch(/[\u4e00-\u9fff]/);
    expect((error as WorkbookError).messageEn).toMatch(/[a-z]/);
  });

  it('reads a formula whose result is text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').getCell('A1').value = { formula: 'B1&"区"', result: '海淀区' };
    const [{ grid }] = await readWorkbookGrids(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(grid[0][0]).toBe('海淀区');
  });
});
