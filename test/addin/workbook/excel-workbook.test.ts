// The Excel implementation on an office-addin-mock model: the interface suite (with notes, and
// with the comments fallback of hosts before ExcelApi 1.18), and the sync counts that keep it fast.
import { ExcelWorkbook } from '../../../addin/workbook/excel-workbook';
import type { NoteApi } from '../../../addin/workbook/excel-annotations';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import { cellAt, FakeExcel } from './fake-excel';
import { describeWorkbookPort, type Harness, type SeedSheet } from './port-contract';

function excelHarness(noteApi: NoteApi) {
  return async (seeds: SeedSheet[]): Promise<Harness> => {
    const fake = new FakeExcel();
    for (const seed of seeds) {
      const sheet = fake.addSheet(seed.name, seed.grid);
      sheet.merges.push(...(seed.merges ?? []));
      for (const [address, color] of Object.entries(seed.fills ?? {})) {
        const cell = cellAt(sheet, address) ?? { value: '' };
        cell.fill = { color, pattern: 'Solid' };
        sheet.cells.set(`${Number(address.slice(1)) - 1},${address.charCodeAt(0) - 65}`, cell);
      }
    }
    const port = new ExcelWorkbook(fake.run, { noteApi, mergedAreas: true });
    const sheetOf = (name: string) => {
      const sheet = fake.findSheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheet;
    };
    return {
      port,
      inspect: {
        async cell(name, address) {
          const sheet = sheetOf(name);
          const cell = cellAt(sheet, address);
          const notes = noteApi === 'notes' ? sheet.notes : sheet.comments;
          return {
            value: cell?.value === '' || cell === undefined ? null : cell.value,
            fill: cell?.fill && cell.fill.pattern !== 'None' ? cell.fill.color.toUpperCase() : null,
            note: notes.get(address) ?? null,
            numberFormat: cell?.numberFormat && cell.numberFormat !== 'General' ? cell.numberFormat : null,
            isFormula: cell?.formula !== undefined,
            bold: cell?.font?.bold ?? false,
            bordered: cell?.border !== undefined,
          };
        },
        async sheets() {
          const states = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;
          return fake.book.sheets.map((s) => ({ name: s.name, state: states[s.visibility] }));
        },
        async conditionalFormats(name) {
          return sheetOf(name)
            .conditionalFormats.filter((f) => f.type === 'CellValue')
            .map((f) => ({ range: f.range, matches: (f.rule?.formula1 ?? '').replace(/^="|"$/g, '') }));
        },
        async listValidations(name) {
          return sheetOf(name)
            .validations.filter((v) => (v.rule as { list?: unknown } | undefined)?.list)
            .map((v) => v.range);
        },
        async frozenRows(name) {
          return sheetOf(name).frozenRows;
        },
      },
    };
  };
}

describeWorkbookPort('Excel (office.js, notes)', excelHarness('notes'));
describeWorkbookPort('Excel (office.js, comments fallback)', excelHarness('comments'));

describe('ExcelWorkbook specifics', () => {
  async function templated() {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const port = new ExcelWorkbook(fake.run, { noteApi: 'notes' });
    await port.ensureTemplate(DEFAULT_CAMPAIGN);
    return { fake, port };
  }

  it('lays the template out as the .xlsx one: named table, hidden lists, date format, list sources', async () => {
    const { fake } = await templated();
    const table = fake.book.tables[0];
    expect(table).toMatchObject({ name: 'LiaisonTracker', top: 0, left: 0, rows: 101, cols: 11, style: 'TableStyleMedium2' });
    expect(fake.findSheet('选项')?.visibility).toBe('Hidden');
    expect(cellAt(fake.findSheet('选项')!, `A${DEFAULT_CAMPAIGN.points.length + 1}`)?.value).toBe(DEFAULT_CAMPAIGN.points.at(-1)!.name);
    const tracker = fake.findSheet('台账')!;
    expect(cellAt(tracker, 'B2000')?.numberFormat).toBe('yyyy-mm-dd');
    const point = tracker.validations.find((v) => v.range === 'A2:A2000')!.rule as { list: { source: string } };
    expect(point.list.source).toBe(`='选项'!$A$2:$A$${DEFAULT_CAMPAIGN.points.length + 1}`);
  });

  it('grows the table through its own API when a row goes right below it', async () => {
    const { fake, port } = await templated();
    await port.appendRow('台账', 2, ['民进北京市海淀区委员会', new Date(Date.UTC(2017, 2, 1)), '专题讲座']);
    expect(fake.book.tables[0].rows).toBe(101);
    await port.appendRow('台账', 102, ['民进上海市静安区委员会', new Date(Date.UTC(2017, 3, 1)), '座谈交流']);
    expect(fake.book.tables[0].rows).toBe(102);
    const tracker = fake.findSheet('台账')!;
    expect(cellAt(tracker, 'A102')?.value).toBe('民进上海市静安区委员会');
    expect(cellAt(tracker, 'A2')?.value).toBe('民进北京市海淀区委员会');
  });

  it('renders a report sheet: widths, merges, data bars, a chart, A4 print layout', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Sheet1');
    const port = new ExcelWorkbook(fake.run, { noteApi: 'notes' });
    await port.writeSheet({
      name: '2017年05月月报',
      rows: [['月报'], ['规定动作', '完成率'], ['专题讲座', 0.5], ['看望老同志', 0.25]],
      headerRows: [2],
      columnWidths: [20, 10],
      merges: ['A1:B1'],
      numberFormats: { 'B3:B4': '0%' },
      dataBars: [{ range: 'B3:B4', color: '#5B9BD5' }],
      charts: [{ type: 'bar', title: '各项规定动作完成率', categories: 'A3:A4', values: 'B3:B4', from: 'D2', to: 'J15' }],
      print: { orientation: 'portrait', fitToWidth: true, repeatRows: '1:2' },
    });
    const sheet = fake.findSheet('2017年05月月报')!;
    expect(sheet.columnWidths.get(0)).toBe(140);
    expect(sheet.merges).toEqual(['A1:B1']);
    expect(sheet.conditionalFormats).toEqual([{ range: 'B3:B4', type: 'DataBar', barColor: '#5B9BD5' }]);
    expect(sheet.charts).toEqual([
      { type: 'BarClustered', values: 'B3:B4', categories: 'A3:A4', title: '各项规定动作完成率', from: 'D2', to: 'J15' },
    ]);
    expect(sheet.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', printTitleRows: '$1:$2' });
    expect(sheet.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(cellAt(sheet, 'A2')?.font?.bold).toBe(true);
    expect(fake.book.calculationSuspensions).toBe(1);
  });
});
