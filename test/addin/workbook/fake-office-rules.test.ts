// The in-page office.js stand-in (test/e2e/fake-office.js) enforces the same documented rules as the
// jest one: each rule has its test here, run on the script itself in a bare `window`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

interface Page {
  Excel: { run(options: unknown, batch?: (context: any) => Promise<unknown>): Promise<unknown> };
  __fakeExcel: { cellEditMode: boolean; workbook: { sheets: { name: string; merges: string[]; notes: Map<string, string>; comments?: Map<string, string> }[] } };
}

function page(seed: Record<string, unknown[][]>): Page {
  const window: Record<string, unknown> = { __FAKE_EXCEL_SEED__: seed };
  runInNewContext(readFileSync(join(__dirname, '../../e2e/fake-office.js'), 'utf8'), { window, TextEncoder, setTimeout, Promise, Map, Error, JSON, Date });
  return window as unknown as Page;
}

const on = (p: Page, batch: (context: any) => unknown) => p.Excel.run({ delayForCellEdit: true }, async (context) => batch(context));

describe('in-page office.js stand-in: documented rules', () => {
  it('refuses to delete a very hidden sheet (Worksheet.delete; office-js #365)', async () => {
    const p = page({ Sheet1: [['a']], State: [['x']] });
    await on(p, (c) => {
      const state = c.workbook.worksheets.getItem('State');
      state.visibility = 'VeryHidden';
      expect(() => state.delete()).toThrow(/InvalidOperation/);
      state.visibility = 'Hidden';
      state.delete();
    });
    expect(p.__fakeExcel.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('fails a batch in cell-edit mode without delayForCellEdit (Excel.RunOptions)', async () => {
    const p = page({ Sheet1: [['a']] });
    p.__fakeExcel.cellEditMode = true;
    await expect(p.Excel.run(async () => undefined)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(p.Excel.run({ delayForCellEdit: true }, async () => 'ok')).resolves.toBe('ok');
  });

  it('fails getMergedAreasOrNullObject over 512 merged areas (Range reference)', async () => {
    const p = page({ Sheet1: [['a']] });
    const sheet = p.__fakeExcel.workbook.sheets[0];
    for (let i = 0; i < 513; i++) sheet.merges.push(`A${2 * i + 1}:A${2 * i + 2}`);
    await on(p, (c) => {
      const ws = c.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.getRange('A1:A1026').getMergedAreasOrNullObject()).toThrow(/GeneralException/);
      expect(ws.getRange('A1:A1024').getMergedAreasOrNullObject().isNullObject).toBe(false);
    });
  });

  it('refuses a request or response over 5 MB (Resource limits for Office Add-ins)', async () => {
    const p = page({ Sheet1: [['a']] });
    const rows = Array.from({ length: 1800 }, () => ['活'.repeat(1000)]);
    await on(p, (c) => {
      const ws = c.workbook.worksheets.getItem('Sheet1');
      expect(() => (ws.getRange('A1:A1800').values = rows)).toThrow(/RequestPayloadSizeLimitExceeded/);
      ws.getRange('A1:A900').values = rows.slice(0, 900);
      ws.getRange('A901:A1800').values = rows.slice(900);
      expect(() => ws.getRange('A1:A1800').values).toThrow(/ResponsePayloadSizeLimitExceeded/);
    });
  });

  it('types strings as Excel does unless the cell is text (office-js #229); = + - @ would be formulas', async () => {
    const p = page({ Sheet1: [['a']] });
    await on(p, (c) => {
      const ws = c.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:E1').values = [['2017-01', '001', '50%', "'001", 'TRUE']];
      expect(ws.getRange('A1:E1').values).toEqual([[42736, 1, 0.5, '001', true]]);
      ws.getRange('F1').numberFormat = [['@']];
      ws.getRange('F1').values = [['2017-01']];
      expect(ws.getRange('F1').values).toEqual([['2017-01']]);
      for (const formula of ['=1', '+A1', '-A1', '@x']) expect(() => (ws.getRange('G1').values = [[formula]])).toThrow(/formula/);
    });
  });

  it('keeps a note off a cell with a threaded comment, and null objects have no methods', async () => {
    const p = page({ Sheet1: [['a']], Blank: [] });
    p.__fakeExcel.workbook.sheets[0].comments = new Map([['A1', '请核实']]);
    await on(p, (c) => {
      const ws = c.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.notes.add(ws.getRange('A1'), 'x')).toThrow(/InvalidOperation/);
      const used = c.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true);
      expect(used.isNullObject).toBe(true);
      expect(() => used.getMergedAreasOrNullObject()).toThrow(TypeError);
    });
  });
});
