// The core on a 100,000-row tracker.
import { computeCompleteness, DEFAULT_CAMPAIGN, readTracker, validateRecords } from '../../shared';
import type { CellValue } from '../../shared';

const C = DEFAULT_CAMPAIGN;
const POINTS = ['海淀区', '民进静安区委', '吕梁', '撫順市', '大庆', '常州市委员会', '南平', '东莞', '三亚', '毕节市工委', '渭南', '吴忠'];
const TYPES = ['举办专题讲座', '召开座谈会', '参加支部生活会', '看望慰问老同志', '走访基层', '自选动作', '参观学习'];

function bigGrid(rows: number): CellValue[][] {
  const grid: CellValue[][] = [['联系点工作台账'], ['序号', '联系点', '活动日期', '活动类型', '参加领导', '活动主题', '参加人数', '刊发情况']];
  for (let i = 0; i < rows; i++) {
    const date = i % 3 === 0 ? 42736 + (i % 365) : i % 3 === 1 ? `2017年${(i % 12) + 1}月${(i % 28) + 1}日` : new Date(Date.UTC(2017, i % 12, (i % 28) + 1));
    grid.push([i + 1, POINTS[i % POINTS.length], date, TYPES[i % TYPES.length], i % 10 ? '张三' : '', `主题${i}`, `${i % 90}人`, i % 4 ? '' : '已刊发']);
  }
  return grid;
}

// How fast is for `npm run bench` to say (ratios measured in one run); this says the core reads a
// tracker of that size whole and right.
test('100,000 rows: every row read, validated and counted', () => {
  const read = readTracker(bigGrid(100_000), C)!;
  const issues = validateRecords(read.records, C, read.columns);
  const completeness = computeCompleteness(read.records, issues, C);
  expect(read.records).toHaveLength(100_000);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(completeness).toHaveLength(12);
  expect(completeness.every((p) => p.complete)).toBe(true);
});
