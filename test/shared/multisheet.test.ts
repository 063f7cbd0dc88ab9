// A tracker kept as one sheet per month (1月, 2月, 3月 …) is one tracker: every sheet is read and
// everything keyed by row is keyed by (sheet, row).
import { DEFAULT_CAMPAIGN, annotationsBySheet, checkTracker, computeCompleteness, findTracker, type Grid } from '../../shared';
import { MONTHLY_SHEETS } from '../xlsx/workbooks';
import { record } from './helpers';

const C = DEFAULT_CAMPAIGN;
const sheets = MONTHLY_SHEETS.map((s) => ({ name: s.name, grid: s.rows as Grid }));

describe('findTracker over a sheet per month', () => {
  const read = findTracker(sheets, C)!;

  test('reads every sheet whose header maps the same fields, each with its own columns', () => {
    expect(read.sheet).toBe('1月');
    expect(read.parts!.map((p) => [p.sheet, p.headerRow, p.columns.date])).toEqual([
      ['1月', 1, 'B'],
      ['2月', 1, 'C'],
      ['3月', 1, 'B'],
    ]);
    expect(read.records.map((r) => [r.sheet, r.row, r.date])).toEqual([
      ['1月', 2, '2017-01-10'],
      ['2月', 2, '2017-02-08'],
      ['2月', 3, null],
      ['3月', 2, '2017-03-05'],
      ['3月', 3, '2017-03-20'],
    ]);
  });

  test('a sheet under a header mapping other fields stays out and is named', () => {
    expect(read.otherSheets).toEqual(['汇总']);
  });

  test('a sheet that copies the months (a yearly summary) is not read too, so nothing counts twice', () => {
    const header = ['联系点', '活动日期', '活动类型', '活动主题'];
    const jan = [header, ['三亚', '2017-01-10', '专题讲座', '讲座']];
    const feb = [header, ['三亚', '2017-02-08', '座谈会', '座谈']];
    const year = [header, ['三亚', '2017-01-10', '专题讲座', '讲座'], ['三亚', '2017-02-08', '座谈会', '座谈']];
    const found = findTracker(
      [
        { name: '1月', grid: jan },
        { name: '2月', grid: feb },
        { name: '全年汇总', grid: year },
      ],
      C,
    )!;
    expect(found.records.map((r) => r.date)).toEqual(['2017-01-10', '2017-02-08']);
    expect(found.otherSheets).toEqual(['全年汇总']);
  });

  test('an explicit sheet reads only that sheet, as a single-sheet tracker', () => {
    const only = findTracker(sheets, C, { sheet: '2月' })!;
    expect(only.parts).toBeUndefined();
    expect(only.records.every((r) => !('sheet' in r))).toBe(true);
  });

  test('one sheet alone keeps today\'s shape (no sheet, no parts)', () => {
    const single = findTracker(sheets.slice(0, 1), C)!;
    expect(single.parts).toBeUndefined();
    expect(single.records.every((r) => !('sheet' in r))).toBe(true);
  });
});

describe('checkTracker over a sheet per month', () => {
  const report = checkTracker(findTracker(sheets, C)!, C, { file: 'months.xlsx', asOf: '2017-12-31' });

  test('issues carry their sheet and that sheet\'s cell', () => {
    const error = report.issues.find((i) => i.severity === 'error')!;
    expect(error).toMatchObject({ sheet: '2月', row: 3, cell: 'C3', code: 'date-unreadable' });
    expect(error.message).toMatch(/^工作表「2月」第3行 C3「2017年13月45日」：/);
    expect(error.messageEn).toMatch(/^Sheet "2月", row 3, C3 /);
    expect(report.issues.find((i) => i.code === 'leader-missing')).toMatchObject({ sheet: '3月', row: 2, cell: 'D2' });
    expect(report.parts!.map((p) => p.sheet)).toEqual(['1月', '2月', '3月']);
  });

  test('an error on 2月 row 3 does not knock out 3月 row 3 in completeness', () => {
    const [bijie] = report.completeness;
    expect(bijie).toMatchObject({ liaisonPointId: 'guizhou-bijie', complete: true });
    const visit = bijie.requirements.find((r) => r.requirementId === 'veteran-visit')!;
    expect(visit).toMatchObject({ rows: [3], sheets: ['3月'], count: 1 });
  });

  test('annotations are grouped by sheet, every sheet read listed', () => {
    const groups = annotationsBySheet(report);
    expect(groups.map((g) => [g.sheet, g.annotations.map((a) => a.cell)])).toEqual([
      ['1月', []],
      ['2月', ['C3']],
      ['3月', ['D2']],
    ]);
  });
});

describe('computeCompleteness keys by sheet and row', () => {
  test('an error without a sheet excludes only the record without one', () => {
    const visit = (sheet: string | undefined) =>
      record({ ...(sheet ? { sheet } : {}), row: 3, liaisonPointId: 'guizhou-bijie', date: '2017-03-20', type: 'veteran-visit' });
    const issue = { row: 3, cell: 'B3', field: 'date' as const, severity: 'error' as const, code: 'date-unreadable' as const, message: '', messageEn: '' };
    const [point] = computeCompleteness([visit(undefined), visit('3月')], [issue], C);
    expect(point.requirements.find((r) => r.requirementId === 'veteran-visit')).toMatchObject({ rows: [3], sheets: ['3月'] });
  });

  test('within a day, records keep sheet order before row order', () => {
    const lecture = (sheet: string, row: number) => record({ sheet, row, liaisonPointId: 'guizhou-bijie', date: '2017-03-01', type: 'lecture', title: `讲座${sheet}${row}` });
    const [point] = computeCompleteness([lecture('1月', 9), lecture('2月', 2), lecture('1月', 4)], [], C);
    expect(point.requirements[0]).toMatchObject({ rows: [4, 9, 2], sheets: ['1月', '1月', '2月'] });
  });
});
