// Issue 13, item 6: a row added through 新增活动 is written like the user's own rows — 序号 continued,
// the number formats and style of the row above, the date in the column's own format (or one that fits a
// default-width column: the bug was ### from yyyy-mm-dd), and the sheet's script.
import * as ExcelJS from 'exceljs';
import { addActivity, connect } from '../../../addin/flows';
import { MemoryWorkbook } from '../../../addin/workbook/memory-workbook';
import { DEFAULT_CAMPAIGN, HIGHLIGHT } from '../../../shared';

async function reopen(workbook: MemoryWorkbook): Promise<ExcelJS.Worksheet> {
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load((await workbook.save()) as unknown as ExcelJS.Buffer);
  return saved.getWorksheet('台賬') ?? saved.getWorksheet('台账')!;
}

async function added(workbook: MemoryWorkbook, input: Record<string, string>) {
  const connection = (await connect(workbook, DEFAULT_CAMPAIGN))!;
  const result = await addActivity(workbook, DEFAULT_CAMPAIGN, connection, input);
  expect(result.appended).toBe(true);
  return result.row;
}

describe('rows written like the user’s own', () => {
  test('traditional tracker: 序號 continued, date in the column’s own format, style copied, traditional text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台賬');
    sheet.getRow(1).values = ['序號', '聯繫點', '活動日期', '活動類型', '參加領導', '活動主題'];
    sheet.getRow(2).values = [1, '畢節', new Date(Date.UTC(2017, 2, 15)), '專題講座', '張三', '不忘合作初心，繼續攜手前進'];
    sheet.getRow(3).values = [2, '畢節', new Date(Date.UTC(2017, 3, 1)), '座談會', '張三', '座談交流'];
    sheet.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('C3').numFmt = 'yyyy"年"m"月"d"日"';
    for (let c = 1; c <= 6; c++) sheet.getCell(3, c).font = { name: '楷体', size: 12 };
    // A check painted the row above: its red must not spread to the new row.
    sheet.getCell('E3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HIGHLIGHT.error.fill.slice(1)}` } };
    const workbook = new MemoryWorkbook(book);

    const row = await added(workbook, { liaisonPoint: '民进贵州省毕节市工委', date: '2017-05-01', type: '看望老同志', leader: '张三', title: '看望慰问老会员' });
    expect(row).toBe(4);
    const saved = await reopen(workbook);
    expect(saved.getCell('A4').value).toBe(3);
    expect(saved.getCell('C4').value).toEqual(new Date(Date.UTC(2017, 4, 1)));
    expect(saved.getCell('C4').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(saved.getCell('E4').value).toBe('張三');
    expect(saved.getCell('F4').value).toBe('看望慰問老會員');
    expect(saved.getCell('B4').value).toBe('民進貴州省畢節市工委');
    expect(saved.getCell('F4').font?.name).toBe('楷体');
    expect((saved.getCell('E4').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
  });

  test('simplified tracker with a text date in a default-width column: a date format that fits, simplified text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.getRow(1).values = ['序号', '联系点', '活动日期', '活动类型', '参加领导', '活动主题'];
    sheet.getRow(2).values = ['1', '毕节', '2017.3.15', '专题讲座', '张三', '讲座'];
    const workbook = new MemoryWorkbook(book);
    await added(workbook, { liaisonPoint: '民进贵州省毕节市工委', date: '2017-05-01', type: '座谈会', leader: '张三', title: '座谈交流' });
    const saved = await reopen(workbook);
    expect(saved.getCell('A3').value).toBe(2);
    expect(saved.getCell('C3').value).toEqual(new Date(Date.UTC(2017, 4, 1)));
    // 8.43 characters wide: yyyy-mm-dd would print ###; yy/m/d fits.
    expect(saved.getColumn(3).width).toBeUndefined();
    expect(saved.getCell('C3').numFmt).toBe('yy/m/d');
    expect(saved.getCell('F3').value).toBe('座谈交流');
  });
});
