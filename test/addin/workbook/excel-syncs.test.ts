// How many times the Excel code talks to Excel: a small constant per row block, never per row.
// The figures for 100 and 20,000 rows are printed for the record and asserted.
import { ExcelWorkbook } from '../../../addin/workbook/excel-workbook';
import { check } from '../../../addin/flows';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import type { CellValue } from '../../../shared/types';
import { FakeExcel } from './fake-excel';

const POINTS = ['海淀区', '静安', '民进山西省吕梁市委员会', '抚顺'];
const TYPES = ['举办专题讲座', '召开座谈会', '看望慰问老同志', '走访基层组织'];

/** A messy tracker: title row, header on row 3, text and serial dates, one bad date in ten rows. */
function tracker(rows: number): CellValue[][] {
  const grid: CellValue[][] = [['2017年联系点工作台账（第四批）'], [], ['联系点', '活动时间', '活动形式', '参加领导', '活动主题', '参加人数', '活动简况', '刊发情况', '佐证材料', '填报人', '备注']];
  for (let i = 0; i < rows; i++) {
    const day = (i % 28) + 1;
    const date = i % 10 === 9 ? '2016年12月3日' : i % 2 === 0 ? `2017.${(i % 12) + 1}.${day}` : new Date(Date.UTC(2017, i % 12, day));
    grid.push([POINTS[i % 4], date, TYPES[i % 4], '张三', `活动${i}`, 30 + (i % 50), '简况', i % 4 === 0 ? '会刊' : '', '照片', '王五', '']);
  }
  return grid;
}

async function countSyncs(rows: number) {
  const fake = new FakeExcel();
  fake.addSheet('台账', tracker(rows));
  const port = new ExcelWorkbook(fake.run, { noteApi: 'notes' });
  const sync = jest.spyOn(fake.context, 'sync');
  const readSyncs = await (async () => {
    await port.readGrids(['台账']);
    return sync.mock.calls.length;
  })();
  sync.mockClear();
  const outcome = await check(port, DEFAULT_CAMPAIGN, { asOf: '2017-12-31' });
  return { read: readSyncs, check: sync.mock.calls.length, outcome, fake };
}

describe('Excel sync counts', () => {
  it('reads 100 and 20,000 rows in 2 + one sync per 5,000-row block', async () => {
    const small = await countSyncs(100);
    const large = await countSyncs(20_000);
    expect(small.read).toBe(2 + 1);
    // 20,003 used rows: four 5,000-row blocks; the 3-row tail rides along with the fourth request.
    expect(large.read).toBe(2 + 4);

    // The whole check: find the tracker, read it, annotate, write 完成情况.
    const errorCells = (n: number) => Math.floor(n / 10);
    expect(small.outcome.report.issues.filter((i) => i.code === 'date-out-of-period')).toHaveLength(errorCells(100));
    expect(large.outcome.report.issues.filter((i) => i.code === 'date-out-of-period')).toHaveLength(errorCells(20_000));
    const blocks = (cells: number) => Math.ceil(cells / 5000);
    // settings (1) + read (2 + row blocks) + annotations (state 1 + probe blocks + write blocks + 1)
    // + state sheet blocks + status sheet (1 + 1 + 1).
    const bound = (rows: number, annotated: number) =>
      1 + 2 + blocks(rows + 3) + 1 + 2 * blocks(annotated) + 1 + blocks(annotated + 1) + 3;
    expect(small.check).toBeLessThanOrEqual(bound(100, small.outcome.annotations.painted));
    expect(large.check).toBeLessThanOrEqual(bound(20_000, large.outcome.annotations.painted));
    expect(large.check).toBeLessThan(30);
    process.stdout.write(
      `sync counts — readGrids: 100 rows ${small.read}, 20,000 rows ${large.read}; ` +
        `check (read + annotate + status sheet): 100 rows ${small.check} (${small.outcome.annotations.painted} cells annotated), ` +
        `20,000 rows ${large.check} (${large.outcome.annotations.painted} cells annotated)\n`,
    );
  });

  it('annotates the right cells of the 20,000-row tracker', async () => {
    const { fake, outcome } = await countSyncs(20_000);
    const sheet = fake.findSheet('台账')!;
    const bad = outcome.report.issues.find((i) => i.code === 'date-out-of-period')!;
    expect(bad.cell).toBe('B13');
    expect(sheet.cells.get('12,1')?.fill?.color).toBe('#FFC7CE');
    expect(sheet.notes.get('B13')).toContain('2016');
    expect(sheet.cells.get('13,1')?.fill).toBeUndefined();
    expect(fake.findSheet('完成情况')).toBeDefined();
  });
});
