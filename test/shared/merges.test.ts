import { fillMergedDown, type Grid } from '../../shared';

describe('fillMergedDown', () => {
  it('copies a merge over several rows down its first column only', () => {
    const grid: Grid = [['标题', null, null], ['海淀', 'x', null], [null, 'y', null], [], ['注：', null, null]];
    fillMergedDown(grid, ['A1:C1', 'A2:B4', 'A5:C5', 'not a range']);
    expect(grid.map((row) => row[0] ?? null)).toEqual(['标题', '海淀', '海淀', '海淀', '注：']);
    expect(grid[2][1]).toBe('y');
    expect(grid[0][1]).toBeNull();
  });

  it('never overwrites a value and ignores empty masters', () => {
    const grid: Grid = [[null], ['已填']];
    fillMergedDown(grid, ['A1:A2']);
    expect(grid).toEqual([[null], ['已填']]);
  });
});
