// The Excel stand-in's own rules, one test each: what Microsoft documents (or confirms on the
// office-js tracker) must fail in the stand-in as it fails in Excel, or the port tests prove nothing.
import { cellAt, coerceTyped, FakeExcel, MERGED_AREAS_LIMIT } from './fake-excel';

type Ctx = Excel.RequestContext;
const ctxOf = (fake: FakeExcel) => fake.context as unknown as Ctx;

describe('Excel stand-in: documented rules', () => {
  it('refuses to delete a very hidden sheet; a hidden one can go (Worksheet.delete; office-js #365)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    fake.addSheet('State').visibility = 'VeryHidden';
    const context = ctxOf(fake);
    context.workbook.worksheets.getItem('State').delete();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(fake.findSheet('State')).toBeDefined();
    context.workbook.worksheets.getItem('State').visibility = 'Hidden';
    await context.sync();
    context.workbook.worksheets.getItem('State').delete();
    await context.sync();
    expect(fake.findSheet('State')).toBeUndefined();
  });

  it('fails a batch in cell-edit mode unless it was run with delayForCellEdit (Excel.RunOptions)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1', [['a']]);
    fake.book.cellEditMode = true;
    const write = (context: Ctx) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['b']];
      return context.sync();
    };
    await expect(fake.run({}, write)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(cellAt(fake.findSheet('Sheet1')!, 'A1')?.value).toBe('a');
    await fake.run({ delayForCellEdit: true }, write);
    expect(cellAt(fake.findSheet('Sheet1')!, 'A1')?.value).toBe('b');
  });

  it('fails getMergedAreasOrNullObject over 512 merged areas in the range (Range reference)', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('Sheet1');
    for (let i = 0; i <= MERGED_AREAS_LIMIT; i++) sheet.merges.push(`A${2 * i + 1}:A${2 * i + 2}`);
    const context = ctxOf(fake);
    const range = context.workbook.worksheets.getItem('Sheet1');
    range.getRange(`A1:A${2 * MERGED_AREAS_LIMIT + 2}`).getMergedAreasOrNullObject().load('address');
    await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    const fewer = range.getRange(`A1:A${2 * MERGED_AREAS_LIMIT}`).getMergedAreasOrNullObject().load('address, areaCount');
    await context.sync();
    expect(fewer.areaCount).toBe(MERGED_AREAS_LIMIT);
  });

  it('refuses a request or a response over 5 MB of JSON (Resource limits for Office Add-ins)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const context = ctxOf(fake);
    const text = '活'.repeat(1000); // 3,000 bytes of UTF-8
    const rows = Array.from({ length: 1800 }, () => [text]); // ≈ 5.4 MB
    context.workbook.worksheets.getItem('Sheet1').getRange('A1:A1800').values = rows;
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.findSheet('Sheet1')!.cells.size).toBe(0);

    context.workbook.worksheets.getItem('Sheet1').getRange('A1:A900').values = rows.slice(0, 900);
    await context.sync();
    context.workbook.worksheets.getItem('Sheet1').getRange('A901:A1800').values = rows.slice(900);
    await context.sync();
    context.workbook.worksheets.getItem('Sheet1').getRange('A1:A1800').load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('types strings through values as Excel does, unless the cell is text-formatted (office-js #229)', async () => {
    expect(coerceTyped('2017-01', undefined)).toMatchObject({ value: 42736 });
    expect(coerceTyped('2017-03-15', undefined)).toMatchObject({ value: 42809 });
    expect(coerceTyped('3/15/2017', undefined)).toMatchObject({ value: 42809 });
    expect(coerceTyped('001', undefined)).toEqual({ value: 1 });
    expect(coerceTyped('1,000', undefined)).toEqual({ value: 1000 });
    expect(coerceTyped('50%', undefined)).toMatchObject({ value: 0.5 });
    expect(coerceTyped('-5', undefined)).toEqual({ value: -5 });
    expect(coerceTyped('TRUE', undefined)).toEqual({ value: true });
    for (const formula of ['=1+1', '+A1', '-A1', '@SUM(A1)']) expect(coerceTyped(formula, undefined)).toEqual({ value: formula, formula });
    expect(coerceTyped("'001", undefined)).toEqual({ value: '001' });
    expect(coerceTyped('E5', undefined)).toEqual({ value: 'E5' });
    expect(coerceTyped('2017-01', '@')).toEqual({ value: '2017-01' });
    expect(coerceTyped('=1+1', '@')).toEqual({ value: '=1+1' });

    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const context = ctxOf(fake);
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
    range.numberFormat = [['@', 'General']];
    range.values = [['2017-01', '2017-01']];
    await context.sync();
    const sheet = fake.findSheet('Sheet1')!;
    expect(cellAt(sheet, 'A1')?.value).toBe('2017-01');
    expect(cellAt(sheet, 'B1')?.value).toBe(42736);
  });

  it('keeps a note and a threaded comment off the same cell (Excel: threaded comments and notes)', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('Sheet1', [['a', 'b']]);
    sheet.comments.set('A1', '请核实');
    sheet.notes.set('B1', '旧批注');
    const context = ctxOf(fake);
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.notes.add(ws.getRange('A1'), 'note');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    context.workbook.comments.add(ws.getRange('B1'), 'thread');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(sheet.notes.get('A1')).toBeUndefined();
    expect(sheet.comments.get('B1')).toBeUndefined();
  });

  it('fails any method called on a null object (the *OrNullObject methods of the reference)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Blank');
    const context = ctxOf(fake);
    const used = context.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true);
    used.getMergedAreasOrNullObject();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    context.workbook.worksheets.getItemOrNullObject('Nope').delete();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
  });

  it('deletes a comment\'s replies with it (Work with comments using the Excel JavaScript API)', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('Sheet1', [['a']]);
    sheet.comments.set('A1', '日期有误');
    sheet.commentReplies.set('A1', ['已改正']);
    const context = ctxOf(fake);
    const comments = context.workbook.worksheets.getItem('Sheet1').comments;
    comments.load('items/content');
    await context.sync();
    const count = comments.items[0].replies.getCount();
    await context.sync();
    expect(count.value).toBe(1);
    comments.items[0].delete();
    await context.sync();
    expect(sheet.commentReplies.has('A1')).toBe(false);
  });
});
