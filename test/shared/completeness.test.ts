import { checkTracker, computeCompleteness, DEFAULT_CAMPAIGN, readTracker, validateRecords } from '../../shared';
import type { TrackerRecord, TypeCode } from '../../shared';
import { record } from './helpers';

const C = DEFAULT_CAMPAIGN;
const COLUMNS = { liaisonPoint: 'A', date: 'B', type: 'C', leader: 'D', title: 'E', publication: 'F' };

function activity(row: number, point: string, date: string, type: TypeCode): TrackerRecord {
  return record({ row, liaisonPointId: point, liaisonPointText: point, date, dateText: date, type, typeText: type, leader: '王', title: '题', publication: '已刊发' });
}

function complete(records: TrackerRecord[], opts?: Parameters<typeof computeCompleteness>[3]) {
  return computeCompleteness(records, validateRecords(records, C, COLUMNS), C, opts);
}

describe('computeCompleteness', () => {
  test('all three requirements met', () => {
    const [p] = complete([
      activity(2, 'guizhou-bijie', '2017-03-15', 'lecture'),
      activity(3, 'guizhou-bijie', '2017-04-01', 'branch-meeting'),
      activity(4, 'guizhou-bijie', '2017-02-01', 'veteran-visit'),
    ]);
    expect(p).toMatchObject({ liaisonPointId: 'guizhou-bijie', name: '民进贵州省毕节市工委', provinceId: 'guizhou', complete: true, missing: [], lastActivityDate: '2017-04-01' });
    expect(p.requirements.map((r) => [r.requirementId, r.done, r.rows, r.firstDate])).toEqual([
      ['lecture', true, [2], '2017-03-15'],
      ['symposium-or-branch-meeting', true, [3], '2017-04-01'],
      ['veteran-visit', true, [4], '2017-02-01'],
    ]);
  });

  test('a symposium alone satisfies symposium-or-branch-meeting', () => {
    const [p] = complete([activity(2, 'hainan-sanya', '2017-05-01', 'symposium')]);
    expect(p.requirements.find((r) => r.requirementId === 'symposium-or-branch-meeting')!.done).toBe(true);
    expect(p.missing).toEqual(['lecture', 'veteran-visit']);
  });

  test('a record with an error does not count', () => {
    const bad = record({ ...activity(2, 'hainan-sanya', '2017-05-01', 'veteran-visit'), date: null, dateText: '五月' });
    const out = complete([bad, activity(3, 'hainan-sanya', '2017-05-02', 'lecture')]);
    expect(out[0].missing).toContain('veteran-visit');
    expect(out[0].requirements[0].rows).toEqual([3]);
  });

  test('a record with only warnings counts', () => {
    const warned = { ...activity(2, 'hainan-sanya', '2017-05-01', 'lecture'), leader: null, publication: null };
    expect(complete([warned])[0].requirements[0].done).toBe(true);
  });

  test('asOf cuts off later activities', () => {
    const records = [activity(2, 'hainan-sanya', '2017-03-01', 'lecture'), activity(3, 'hainan-sanya', '2017-06-01', 'veteran-visit')];
    expect(complete(records, { asOf: '2017-05-31' })[0].missing).toEqual(['symposium-or-branch-meeting', 'veteran-visit']);
    expect(complete(records, { asOf: '2017-06-01' })[0].missing).toEqual(['symposium-or-branch-meeting']);
  });

  test('optional types are counted but never missing', () => {
    const [p] = complete([
      activity(2, 'hainan-sanya', '2017-03-01', 'grassroots-visit'),
      activity(3, 'hainan-sanya', '2017-03-02', 'self-chosen'),
      activity(4, 'hainan-sanya', '2017-03-03', 'self-chosen'),
    ]);
    expect(p.missing).toEqual(['lecture', 'symposium-or-branch-meeting', 'veteran-visit']);
    expect(p.countsByType).toEqual({ 'grassroots-visit': 1, 'self-chosen': 2 });
  });

  test('points: those in the records by default, in campaign order; all on request', () => {
    const records = [activity(2, 'ningxia-wuzhong', '2017-03-01', 'lecture'), activity(3, 'beijing-haidian', '2017-03-01', 'lecture')];
    expect(complete(records).map((p) => p.liaisonPointId)).toEqual(['beijing-haidian', 'ningxia-wuzhong']);
    const all = complete(records, { pointIds: C.points.map((p) => p.id) });
    expect(all).toHaveLength(12);
    expect(all[1]).toMatchObject({ liaisonPointId: 'shanghai-jingan', complete: false, lastActivityDate: null, countsByType: {} });
  });

  test('a requirement of two activities needs two', () => {
    const campaign = { ...C, requirements: [{ id: 'two-lectures', name: '两次讲座', nameEn: 'Two lectures', minCount: 2, types: ['lecture' as const] }] };
    const one = [activity(2, 'hainan-sanya', '2017-03-01', 'lecture')];
    expect(computeCompleteness(one, [], campaign)[0].complete).toBe(false);
    const two = [...one, activity(3, 'hainan-sanya', '2017-02-01', 'lecture')];
    const [p] = computeCompleteness(two, [], campaign);
    expect([p.complete, p.requirements[0].rows, p.requirements[0].firstDate]).toEqual([true, [3, 2], '2017-02-01']);
  });
});

describe('checkTracker', () => {
  const read = readTracker(
    [
      ['联系点', '日期', '类型', '领导', '主题', '刊发情况'],
      ['毕节', '2017-03-15', '专题讲座', '王', '讲座', '已刊发'],
      ['毕节', '2017-04-01', '座谈会', '王', '座谈', ''],
      ['毕节', '2016-12-01', '看望老同志', '王', '看望', ''],
    ],
    C,
    { sheet: '台账' },
  )!;
  test('gives the CLI --json contract', () => {
    const report = checkTracker(read, C, { file: 'x.xlsx' });
    expect(report).toMatchObject({ file: 'x.xlsx', sheet: '台账', headerRow: 1, columns: read.columns });
    expect(report.records).toHaveLength(3);
    expect(report.issues.map((i) => [i.cell, i.code])).toEqual([['B4', 'date-out-of-period']]);
    expect(report.completeness.map((p) => [p.liaisonPointId, p.missing])).toEqual([['guizhou-bijie', ['veteran-visit']]]);
  });
  test('allPoints and asOf', () => {
    const report = checkTracker(read, C, { file: 'x.xlsx', allPoints: true, asOf: '2017-03-31' });
    expect(report.completeness).toHaveLength(12);
    expect(report.completeness.find((p) => p.liaisonPointId === 'guizhou-bijie')!.missing).toEqual(['symposium-or-branch-meeting', 'veteran-visit']);
  });
});
