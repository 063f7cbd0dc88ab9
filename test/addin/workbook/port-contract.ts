// The one interface test suite every WorkbookPort passes (Excel on office-addin-mock, and the
// in-memory .xlsx). Each implementation supplies a harness: a port over seeded sheets, and an
// inspector that reads back what was written the implementation's own way.
import { isDateFormat } from '../../../shared/row-style';
import { DEFAULT_CAMPAIGN, FIELD_LABELS, HIGHLIGHT, parseDate, TEMPLATE_COLUMNS } from '../../../shared';
import { ANNOTATION_STATE_SHEET } from '../../../shared/annotation-plan';
import type { CellAnnotation, SheetModel } from '../../../shared/sheet-model';
import type { CellValue } from '../../../shared/types';
import type { WorkbookPort } from '../../../addin/workbook/port';
import { WorkbookPortError } from '../../../addin/workbook/port';

export interface SeedSheet {
  name: string;
  grid: CellValue[][];
  /** Pre-existing fills the user put there, by A1 address (`#RRGGBB`). */
  fills?: Record<string, string>;
  /** Merged ranges, e.g. `A4:A6`. */
  merges?: string[];
}

export interface InspectedCell {
  value: CellValue;
  fill: string | null;
  note: string | null;
  numberFormat: string | null;
  isFormula: boolean;
  bold: boolean;
  /** Whether the cell has table borders. */
  bordered: boolean;
}

export interface Inspector {
  cell(sheet: string, address: string): Promise<InspectedCell>;
  /** Every sheet in tab order, with its visibility. */
  sheets(): Promise<{ name: string; state: 'visible' | 'hidden' | 'veryHidden' }[]>;
  /** Conditional formats: range and the text they match (cell-value or expression rules). */
  conditionalFormats(sheet: string): Promise<{ range: string; matches: string }[]>;
  /** Ranges of list dropdowns on the sheet. */
  listValidations(sheet: string): Promise<string[]>;
  frozenRows(sheet: string): Promise<number>;
}

export interface Harness {
  port: WorkbookPort;
  inspect: Inspector;
}

export type MakeHarness = (sheets: SeedSheet[]) => Promise<Harness>;

const TRACKER: SeedSheet = {
  name: '台账',
  grid: [
    ['2017年联系点工作台账'],
    [],
    ['联系点', '活动日期', '活动类型', '参加领导', '活动主题'],
    ['海淀区', new Date(Date.UTC(2017, 2, 15)), '专题讲座', '张三', '不忘合作初心'],
    ['海淀区', '2017.4.2', '座谈会', '张三', '座谈'],
    [],
    ['静安', new Date(Date.UTC(2017, 4, 1)), '看望老同志', '李四', '慰问'],
  ],
  fills: { E5: '#00B050' },
};
const NOTES: SeedSheet = { name: '说明', grid: [['填表说明：每行一次活动']] };

function annotation(cell: string, severity: 'error' | 'warning', note: string): CellAnnotation {
  return { cell, severity, note };
}

const fillOf = (severity: 'error' | 'warning') => HIGHLIGHT[severity].fill!.toUpperCase();

export function describeWorkbookPort(name: string, make: MakeHarness): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    it('lists the visible sheets in tab order', async () => {
      const { port } = await make([TRACKER, NOTES]);
      expect(await port.sheetNames()).toEqual(['台账', '说明']);
    });

    it('reads grids with rows in place, dates readable, blanks as null, and reports progress', async () => {
      const { port } = await make([TRACKER, NOTES]);
      const progress: number[] = [];
      const [grid] = await port.readGrids(['台账'], (p) => progress.push(p.done));
      const rows = grid.grid;
      expect(grid.name).toBe('台账');
      expect(rows[0][0]).toBe('2017年联系点工作台账');
      expect(rows[1].every((v) => v === null || v === undefined)).toBe(true);
      expect(rows[2]).toEqual(['联系点', '活动日期', '活动类型', '参加领导', '活动主题']);
      expect(parseDate(rows[3][1]).ok && parseDate(rows[3][1])).toEqual({ ok: true, date: '2017-03-15' });
      expect(rows[4][1]).toBe('2017.4.2');
      expect(rows[6][0]).toBe('静安');
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[progress.length - 1]).toBe(7);
    });

    it('reads every visible sheet by default, and names a missing sheet', async () => {
      const { port } = await make([TRACKER, NOTES]);
      expect((await port.readGrids()).map((g) => g.name)).toEqual(['台账', '说明']);
      await expect(port.readGrids(['没有这张表'])).rejects.toMatchObject({ code: 'sheet-missing' });
    });

    it('reads a point merged over several rows on each of them, a merged title once', async () => {
      const { port } = await make([
        {
          name: '台账',
          grid: [['联系点台账'], ['联系点', '活动日期', '活动类型'], ['东莞', '2017-03-01', '讲座'], [null, '2017-03-02', '座谈'], [null, '2017-03-03', '看望老同志']],
          merges: ['A1:C1', 'A3:A5'],
        },
      ]);
      const [{ grid }] = await port.readGrids(['台账']);
      expect(grid.slice(2).map((row) => row[0])).toEqual(['东莞', '东莞', '东莞']);
      expect(grid[0].slice(1).filter((v) => v !== null && v !== undefined && v !== '')).toEqual([]);
    });

    it('stops reading when cancelled', async () => {
      const { port } = await make([TRACKER]);
      const controller = new AbortController();
      controller.abort();
      const read = port.readGrids(undefined, undefined, controller.signal);
      await expect(read).rejects.toBeInstanceOf(WorkbookPortError);
      await expect(read).rejects.toMatchObject({ code: 'cancelled' });
    });

    it('paints and notes problem cells, in a very-hidden state sheet it keeps', async () => {
      const { port, inspect } = await make([TRACKER]);
      const outcome = await port.applyAnnotations('台账', [
        annotation('B5', 'error', '第5行 B5「2017.4.2」：日期有误'),
        annotation('E5', 'warning', '主题过短'),
      ]);
      expect(outcome).toEqual({ painted: 2, cleared: 0 });
      expect(await inspect.cell('台账', 'B5')).toMatchObject({ fill: fillOf('error'), note: '第5行 B5「2017.4.2」：日期有误' });
      expect(await inspect.cell('台账', 'E5')).toMatchObject({ fill: fillOf('warning'), note: '主题过短' });
      expect(await inspect.cell('台账', 'B4')).toMatchObject({ fill: null, note: null });
      expect(await inspect.sheets()).toContainEqual({ name: ANNOTATION_STATE_SHEET, state: 'veryHidden' });
      expect(await port.sheetNames()).toEqual(['台账']);
    });

    it('clears annotations of problems that are gone, giving back the fill the user had', async () => {
      const { port, inspect } = await make([TRACKER]);
      await port.applyAnnotations('台账', [annotation('B5', 'error', '日期有误'), annotation('E5', 'warning', '主题过短')]);
      const outcome = await port.applyAnnotations('台账', [annotation('B5', 'error', '日期有误')]);
      expect(outcome).toEqual({ painted: 1, cleared: 1 });
      expect(await inspect.cell('台账', 'E5')).toMatchObject({ fill: '#00B050', note: null });
      expect(await inspect.cell('台账', 'B5')).toMatchObject({ fill: fillOf('error'), note: '日期有误' });
      const none = await port.applyAnnotations('台账', []);
      expect(none).toEqual({ painted: 0, cleared: 1 });
      expect(await inspect.cell('台账', 'B5')).toMatchObject({ fill: null, note: null });
    });

    it('writes a sheet model: values, header style, formats, rules, freeze; text never a formula', async () => {
      const { port, inspect } = await make([TRACKER]);
      const model: SheetModel = {
        name: '完成情况',
        rows: [
          ['序号', '联系点', '专题讲座', '备注'],
          [1, '民进北京市海淀区委员会', '未完成', '=1+1'],
          [2, '民进上海市静安区委员会', '已完成（2017-03-15）', new Date(Date.UTC(2017, 2, 15))],
        ],
        headerRows: [1],
        freezeRows: 1,
        numberFormats: { 'D3:D3': 'yyyy-mm-dd' },
        conditionalFormats: [{ range: 'C2:C3', equals: '未完成', style: HIGHLIGHT.error }],
      };
      await port.writeSheet(model);
      expect((await inspect.cell('完成情况', 'B2')).value).toBe('民进北京市海淀区委员会');
      expect(await inspect.cell('完成情况', 'A1')).toMatchObject({ value: '序号', bold: true, bordered: true });
      expect(await inspect.cell('完成情况', 'D3')).toMatchObject({ bordered: true });
      expect(await inspect.cell('完成情况', 'D2')).toMatchObject({ value: '=1+1', isFormula: false });
      const d3 = await inspect.cell('完成情况', 'D3');
      expect(parseDate(d3.value)).toEqual({ ok: true, date: '2017-03-15' });
      expect(d3.numberFormat).toBe('yyyy-mm-dd');
      expect(await inspect.conditionalFormats('完成情况')).toEqual([{ range: 'C2:C3', matches: '未完成' }]);
      expect(await inspect.frozenRows('完成情况')).toBe(1);
    });

    it('replaces a sheet it wrote before, keeping its tab position and dropping old rows', async () => {
      const { port, inspect } = await make([TRACKER, NOTES]);
      await port.writeSheet({ name: '汇总', rows: [['a'], ['b'], ['c']], headerRows: [1] });
      await port.writeSheet({ name: '末尾', rows: [['x']], headerRows: [] });
      await port.writeSheet({ name: '汇总', rows: [['新']], headerRows: [1] });
      const names = (await inspect.sheets()).filter((s) => s.state === 'visible').map((s) => s.name);
      expect(names).toEqual(['台账', '说明', '汇总', '末尾']);
      expect((await inspect.cell('汇总', 'A1')).value).toBe('新');
      expect((await inspect.cell('汇总', 'A3')).value ?? null).toBeNull();
    });

    it('appends a row where asked: dates as dates, text as text', async () => {
      const { port, inspect } = await make([TRACKER]);
      await port.appendRow('台账', 8, ['海淀区', new Date(Date.UTC(2017, 5, 1)), '支部生活会', null, '=HYPERLINK("x")']);
      expect((await inspect.cell('台账', 'A8')).value).toBe('海淀区');
      const date = await inspect.cell('台账', 'B8');
      expect(parseDate(date.value)).toEqual({ ok: true, date: '2017-06-01' });
      // A date format (in a default-width column the in-memory port picks one that fits: issue 13).
      expect(isDateFormat(date.numberFormat)).toBe(true);
      expect(await inspect.cell('台账', 'E8')).toMatchObject({ value: '=HYPERLINK("x")', isFormula: false });
      const [grid] = await port.readGrids(['台账']);
      expect(grid.grid[7][2]).toBe('支部生活会');
    });

    it('creates the standard tracker once: table headers, dropdowns, frozen header', async () => {
      const { port, inspect } = await make([{ name: 'Sheet1', grid: [] }]);
      const first = await port.ensureTemplate(DEFAULT_CAMPAIGN);
      expect(first).toEqual({ sheet: '台账', headerRow: 1, created: true });
      const before = await inspect.sheets();
      const second = await port.ensureTemplate(DEFAULT_CAMPAIGN);
      expect(second).toEqual({ sheet: '台账', headerRow: 1, created: false });
      expect(await inspect.sheets()).toEqual(before);
      const [grid] = await port.readGrids(['台账']);
      expect(grid.grid[0].slice(0, TEMPLATE_COLUMNS.length)).toEqual(TEMPLATE_COLUMNS.map((f) => FIELD_LABELS[f].zh));
      const lists = await inspect.listValidations('台账');
      expect(lists).toEqual(expect.arrayContaining([expect.stringMatching(/^A2:A\d+$/), expect.stringMatching(/^C2:C\d+$/)]));
      expect(await inspect.frozenRows('台账')).toBe(1);
    });

    it('keeps settings in the workbook, out of sight', async () => {
      const { port, inspect } = await make([TRACKER]);
      expect(await port.getSetting('tracker.mapping')).toBeNull();
      await port.setSetting('tracker.mapping', '{"sheet":"台账"}');
      await port.setSetting('other', '=not a formula');
      await port.setSetting('tracker.mapping', '{"sheet":"台账","headerRow":3}');
      expect(await port.getSetting('tracker.mapping')).toBe('{"sheet":"台账","headerRow":3}');
      expect(await port.getSetting('other')).toBe('=not a formula');
      expect((await inspect.sheets()).filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['台账']);
    });

    it('selects a cell and refuses a sheet that does not exist', async () => {
      const { port } = await make([TRACKER, NOTES]);
      await port.select('台账', 'B5');
      await port.activate('说明');
      await expect(port.select('没有', 'A1')).rejects.toBeDefined();
    });

    it('runs a transaction as one unit and returns its result', async () => {
      const { port } = await make([TRACKER]);
      const names = await port.transaction(async () => {
        await port.setSetting('k', 'v');
        return port.sheetNames();
      });
      expect(names).toEqual(['台账']);
      expect(await port.getSetting('k')).toBe('v');
    });
  });
}
