import { DEFAULT_CAMPAIGN, readTracker, validateRecords } from '../../shared';
import type { ColumnMap, IssueCode } from '../../shared';
import { record } from './helpers';

const C = DEFAULT_CAMPAIGN;
const COLUMNS: ColumnMap = { liaisonPoint: 'B', date: 'C', type: 'D', leader: 'E', title: 'F', participants: 'G', publication: 'H' };
const GOOD = { liaisonPointId: 'hainan-sanya', liaisonPointText: '三亚', date: '2017-03-15', dateText: '2017-03-15', type: 'symposium' as const, typeText: '座谈会', leader: '王', title: '题' };

describe('validateRecords', () => {
  test('a complete record has no issues', () => {
    expect(validateRecords([record({ row: 4, ...GOOD })], C, COLUMNS)).toEqual([]);
  });

  test.each<[string, Parameters<typeof record>[0], IssueCode, 'error' | 'warning', string | null]>([
    ['missing date', { row: 6, ...GOOD, date: null, dateText: null }, 'date-missing', 'error', 'C6'],
    ['unreadable date', { row: 6, ...GOOD, date: null, dateText: '三月中旬' }, 'date-unreadable', 'error', 'C6'],
    ['date before the period', { row: 6, ...GOOD, date: '2016-12-03', dateText: '2016年12月3日' }, 'date-out-of-period', 'error', 'C6'],
    ['date after the period', { row: 6, ...GOOD, date: '2018-01-01', dateText: '2018-01-01' }, 'date-out-of-period', 'error', 'C6'],
    ['missing point', { row: 6, ...GOOD, liaisonPointId: null, liaisonPointText: null }, 'point-missing', 'error', 'B6'],
    ['unknown point', { row: 6, ...GOOD, liaisonPointId: null, liaisonPointText: '海口' }, 'point-unknown', 'error', 'B6'],
    // A record sent as JSON could carry any id: it was taken as valid.
    ['point id of no point of the campaign', { row: 6, ...GOOD, liaisonPointId: 'hainan-haikou' }, 'point-unknown', 'error', 'B6'],
    ['missing type', { row: 6, ...GOOD, type: null, typeText: null }, 'type-missing', 'error', 'D6'],
    ['unrecognised type', { row: 6, ...GOOD, type: 'other', typeText: '参观' }, 'type-unrecognised', 'warning', 'D6'],
    ['lecture without publication', { row: 6, ...GOOD, type: 'lecture', typeText: '讲座' }, 'lecture-publication-missing', 'warning', 'H6'],
    ['missing leader', { row: 6, ...GOOD, leader: null }, 'leader-missing', 'warning', 'E6'],
    ['missing title', { row: 6, ...GOOD, title: null }, 'title-missing', 'warning', 'F6'],
    ['unreadable participants', { row: 6, ...GOOD, participants: null, participantsText: '很多' }, 'participants-invalid', 'warning', 'G6'],
    ['negative participants', { row: 6, ...GOOD, participants: -3 }, 'participants-invalid', 'warning', 'G6'],
  ])('%s', (_, rec, code, severity, cell) => {
    const issues = validateRecords([record(rec)], C, COLUMNS);
    expect(issues.map((i) => [i.code, i.severity, i.cell, i.row])).toEqual([[code, severity, cell, 6]]);
    expect(issues[0].message).toMatch(/^第6行 [A-Z]6/);
    expect(issues[0].messageEn).toMatch(/^Row 6, [A-Z]6/);
  });

  test('the message quotes the bad text and says what is wrong', () => {
    const [issue] = validateRecords([record({ row: 6, ...GOOD, date: '2016-12-03', dateText: '2016年12月3日' })], C, COLUMNS);
    expect(issue.message).toBe('第6行 C6「2016年12月3日」：活动日期不在活动期间（2017-01-01 至 2017-12-31）内。');
    expect(issue.field).toBe('date');
  });

  test('an explicitly chosen other is not a warning', () => {
    expect(validateRecords([record({ row: 2, ...GOOD, type: 'other', typeText: '其他' })], C, COLUMNS)).toEqual([]);
  });

  test('cell is null when the field has no column', () => {
    const issues = validateRecords([record({ row: 3, ...GOOD, type: 'lecture', leader: null })], C, { date: 'A', type: 'B' });
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ['lecture-publication-missing', null],
      ['leader-missing', null],
    ]);
    expect(issues[1].message).toBe('第3行：缺少参加领导。');
  });

  test('end to end on a read tracker', () => {
    const read = readTracker(
      [
        ['联系点', '日期', '类型', '领导', '主题'],
        ['三亚', '2016年12月3日', '座谈', '王', '题'],
        ['海口', '2017-03-01', '', '王', '题'],
      ],
      C,
    )!;
    expect(validateRecords(read.records, C, read.columns).map((i) => `${i.cell} ${i.code}`)).toEqual([
      'B2 date-out-of-period',
      'A3 point-unknown',
      'C3 type-missing',
    ]);
  });
});

describe("a province's submission", () => {
  const at = (liaisonPointId: string) => record({ ...GOOD, row: 3, liaisonPointId, liaisonPointText: null });

  test('names only its own points, or those it coordinates', () => {
    const columns = { liaisonPoint: 'B' };
    expect(validateRecords([at('guizhou-bijie')], C, columns, { provinceId: 'guizhou' })).toEqual([]);
    const [issue] = validateRecords([at('beijing-haidian')], C, columns, { provinceId: 'guizhou' });
    expect(issue).toMatchObject({ code: 'point-other-province', severity: 'error', cell: 'B3', field: 'liaisonPoint' });
    expect(issue.message).toBe('第3行 B3「民进北京市海淀区委员会」：该联系点既不属于贵州省，也不由贵州省协调，不能计入贵州省的报送。');
    const coordinated = { ...C, points: C.points.map((p) => (p.id === 'beijing-haidian' ? { ...p, coordinatingProvinceIds: ['guizhou'] } : p)) };
    expect(validateRecords([at('beijing-haidian')], coordinated, columns, { provinceId: 'guizhou' })).toEqual([]);
  });

  test('a tracker checked on its own (no province) may name any point', () => {
    expect(validateRecords([at('beijing-haidian'), at('guizhou-bijie')], C, { liaisonPoint: 'B' })).toEqual([]);
  });
});
