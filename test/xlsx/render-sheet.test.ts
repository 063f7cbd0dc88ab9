import * as ExcelJS from 'exceljs';
import type { SheetModel } from '../../shared';
import { renderSheetModel } from '../../xlsx';
import { bytesOf, day, loaded } from './workbooks';

const MODEL: SheetModel = {
  name: '完成情况',
  rows: [
    ['标题'],
    ['联系点', '讲座', '日期', '人数'],
    ['=HYPERLINK("http://evil")', '未完成', day('2017-03-15'), 3],
    ['+1', '已完成', null, '@SUM(A1)'],
  ],
  headerRows: [2],
  freezeRows: 2,
  columnWidths: [30, 12, 12, 8],
  numberFormats: { 'C3:C4': 'yyyy-mm-dd' },
  conditionalFormats: [{ range: 'B3:B4', equals: '未完成', style: { fill: '#FFC7CE', font: '#9C0006' } }],
  styles: { A1: { bold: true, font: '#1F4E78' } },
  merges: ['A1:D1'],
  dataBars: [{ range: 'D3:D4', color: '#5B9BD5' }],
};

describe('renderSheetModel', () => {
  let sheet: ExcelJS.Worksheet;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').getCell('A1').value = '保留';
    workbook.addWorksheet('完成情况').getCell('Z9').value = '旧内容';
    renderSheetModel(workbook, MODEL);
    book = await loaded(await bytesOf(workbook));
    sheet = book.getWorksheet('完成情况')!;
  });

  it('replaces the sheet of that name and leaves the others', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['台账', '完成情况']);
    expect(book.getWorksheet('台账')!.getCell('A1').value).toBe('保留');
    expect(sheet.getCell('Z9').value).toBeNull();
  });

  it('writes text that looks like a formula as text', () => {
    for (const address of ['A3', 'A4', 'D4']) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(address).formula).toBeUndefined();
    }
    expect(sheet.getCell('A3').value).toBe('=HYPERLINK("http://evil")');
  });

  it('applies header style, widths, freeze, number formats, merges and static styles', () => {
    expect(sheet.getCell('B2').font?.bold).toBe(true);
    expect(sheet.getCell('B2').fill).toMatchObject({ pattern: 'solid' });
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('C3').value).toEqual(day('2017-03-15'));
    expect(sheet.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('D1').isMerged).toBe(true);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF1F4E78' } });
  });

  it('writes the conditional formats as expression rules and the data bars', () => {
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const expression = formats.find((f) => f.ref === 'B3:B4')!.rules[0] as ExcelJS.ExpressionRuleType;
    expect(expression.type).toBe('expression');
    expect(expression.formulae).toEqual(['B3="未完成"']);
    expect(expression.style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
    expect(formats.find((f) => f.ref === 'D3:D4')!.rules[0].type).toBe('dataBar');
  });
});
