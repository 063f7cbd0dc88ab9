// One rule of what counts (shared/counting.ts): completeness, the central aggregate and the monthly
// report fed the same stored snapshots must agree. Bug: the report counted Guizhou's record naming
// Beijing's point (stored before submissions were checked), so it said 海淀 was complete and the
// aggregate said it was not.
import { buildAggregate, currentSnapshots, type SnapshotRecords, type SnapshotRef } from '../../shared/aggregate';
import { computeCompleteness, DEFAULT_CAMPAIGN, type Issue, type PointCompleteness, type TrackerRecord } from '../../shared';
import { countActivities } from '../../shared/counting';
import { buildMonthlyReport, currentCompleteness } from '../../shared/report';
import { record } from './helpers';

const C = DEFAULT_CAMPAIGN;
const MONTH = '2017-05';

const ref = (provinceId: string, version: number): SnapshotRef => ({
  provinceId,
  month: MONTH,
  version,
  submissionId: `${C.id}~${provinceId}~${version}`,
  submittedAt: '2017-06-02T02:00:00Z',
});

let row = 1;
const activity = (point: string, date: string, type: TrackerRecord['type'], extra: Partial<TrackerRecord> = {}): TrackerRecord =>
  record({ row: ++row, liaisonPointId: point, date, type, leader: '王', title: `${type} ${date}`, publication: '会刊', ...extra });

/** The stored snapshots: each record as stored, with the issues stored beside it (none for versions
 *  stored before a rule existed). */
const SNAPSHOTS: SnapshotRecords[] = [
  {
    snapshot: ref('beijing', 1),
    records: [
      activity('beijing-haidian', '2017-03-02', 'symposium'),
      activity('beijing-haidian', '2017-04-02', 'veteran-visit'),
      // Cancelled: listed, never counted.
      activity('beijing-haidian', '2017-04-20', 'lecture', { status: 'cancelled', statusText: '已取消' }),
      // Dated before the campaign, stored without the error a check would give it now.
      activity('beijing-haidian', '2016-12-03', 'lecture'),
      // After the month: not counted yet.
      activity('beijing-haidian', '2017-06-08', 'lecture'),
    ].map((r) => ({ record: r, issues: [] })),
  },
  {
    snapshot: ref('guizhou', 2),
    records: [
      activity('guizhou-bijie', '2017-03-15', 'lecture'),
      // Entered twice (another row, the theme written with full-width spaces): one activity.
      activity('guizhou-bijie', '2017-03-15', 'lecture', { title: 'lecture　2017-03-15' }),
      activity('guizhou-bijie', '2017-04-01', 'branch-meeting'),
      activity('guizhou-bijie', '2017-05-06', 'veteran-visit', { status: 'postponed', statusText: '延期' }),
      // Guizhou names Beijing's point: never counts for 海淀.
      activity('beijing-haidian', '2017-05-10', 'lecture'),
    ].map((r) => ({ record: r, issues: [] })),
  },
  {
    snapshot: ref('hainan', 1),
    records: [
      { record: activity('hainan-sanya', '2017-02-01', 'lecture'), issues: [] },
      { record: activity('hainan-sanya', '2017-02-02', 'symposium'), issues: [] },
      {
        record: activity('hainan-sanya', '2017-02-03', 'veteran-visit'),
        issues: [{ row: 0, cell: 'B2', field: 'date', severity: 'error', code: 'date-unreadable', message: '', messageEn: '' } as Issue],
      },
    ],
  },
];

type Verdict = [point: string, complete: boolean, counts: number[]];
const verdicts = (points: { liaisonPointId: string; complete: boolean; requirements: { count: number }[] }[]): Verdict[] =>
  points.map((p) => [p.liaisonPointId, p.complete, p.requirements.map((r) => r.count)]);

/** The three: completeness over the snapshots' records directly, the aggregate, the report. */
function threeWays() {
  const { provinces } = currentSnapshots(C, MONTH, SNAPSHOTS.map((s) => s.snapshot));
  const aggregate = buildAggregate(C, MONTH, provinces, SNAPSHOTS);
  const flat: TrackerRecord[] = [];
  const issues: Issue[] = [];
  const provinceAt = new Map<TrackerRecord, string>();
  for (const s of SNAPSHOTS) {
    for (const { record: r, issues: own } of s.records) {
      flat.push(r);
      provinceAt.set(r, s.snapshot.provinceId);
      for (const i of own) issues.push({ ...i, row: r.row });
    }
  }
  const completeness = computeCompleteness(flat, issues, C, {
    asOf: '2017-05-31',
    pointIds: C.points.map((p) => p.id),
    provinceOf: (r) => provinceAt.get(r),
  });
  const report = buildMonthlyReport(aggregate, C, { generatedAt: '2017-06-02T00:00:00Z' });
  return { completeness, aggregate, report, pulled: currentCompleteness(aggregate, C) };
}

describe('what counts: one rule for completeness, the aggregate and the report', () => {
  const { completeness, aggregate, report, pulled } = threeWays();
  const expected: Verdict[] = verdicts(completeness);

  test('the counts are the ones the rule gives', () => {
    const byId = new Map(completeness.map((p) => [p.liaisonPointId, p]));
    // 海淀: symposium and visit only; the cancelled, the pre-campaign, the June and Guizhou's lecture never count.
    expect(byId.get('beijing-haidian')).toMatchObject({ complete: false, missing: ['lecture'], notCounted: { cancelled: 1 } });
    // 毕节: the lecture once, the postponed visit listed.
    expect(byId.get('guizhou-bijie')).toMatchObject({ complete: false, missing: ['veteran-visit'], notCounted: { duplicate: 1, postponed: 1 } });
    expect(byId.get('guizhou-bijie')!.requirements.map((r) => r.count)).toEqual([1, 1, 0]);
    // 三亚: the visit has an error.
    expect(byId.get('hainan-sanya')).toMatchObject({ complete: false, missing: ['veteran-visit'] });
  });

  test('the aggregate agrees', () => {
    expect(verdicts(aggregate.points)).toEqual(expected);
    expect(aggregate.countsByType).toEqual({ symposium: 2, 'veteran-visit': 1, lecture: 2, 'branch-meeting': 1 });
  });

  test('the report agrees, and so does its 完成情况 sheet', () => {
    expect(report.points.map((p) => [p.liaisonPointId, p.complete, p.requirements.map((r) => r.count)])).toEqual(expected);
    expect(report.completion.pointsComplete).toBe(completeness.filter((p) => p.complete).length);
    expect(verdicts(pulled)).toEqual(expected);
    expect(report.activities.cumulativeTotal).toBe(6);
    // Listed as such, not dropped silently.
    expect(report.activities.notCounted).toEqual({ cancelled: 1, duplicate: 1, postponed: 1 });
    expect(report.points.find((p) => p.liaisonPointId === 'guizhou-bijie')!.notCounted).toEqual({ duplicate: 1, postponed: 1 });
  });

  test('every point has the same not-counted tally in all three', () => {
    const tallies = (points: PointCompleteness[]) => points.map((p) => p.notCounted ?? {});
    expect(tallies(aggregate.points)).toEqual(tallies(completeness));
    expect(tallies(pulled)).toEqual(tallies(completeness));
  });
});

describe('countActivities, rule by rule', () => {
  const lecture = (extra: Partial<TrackerRecord> = {}) => activity('hainan-sanya', '2017-03-01', 'lecture', extra);
  const counts = (records: TrackerRecord[], opts: Partial<Parameters<typeof countActivities>[2]> = {}) =>
    countActivities(records, C, { hasError: () => false, ...opts }).counted.length;

  test.each<[string, Partial<TrackerRecord>, Partial<Parameters<typeof countActivities>[2]>]>([
    ['an error', {}, { hasError: () => true }],
    ['no point', { liaisonPointId: null }, {}],
    ['a point not wanted', {}, { pointIds: ['guizhou-bijie'] }],
    ["another province's point", {}, { provinceOf: () => 'guizhou' }],
    ['cancelled', { status: 'cancelled' }, {}],
    ['postponed', { status: 'postponed' }, {}],
    ['planned', { status: 'planned' }, {}],
    ['no type', { type: null }, {}],
    ['no date', { date: null }, {}],
    ['before the period', { date: '2016-12-31' }, {}],
    ['after the period', { date: '2018-01-01' }, {}],
    ['after the as-of date', { date: '2017-06-01' }, { asOf: '2017-05-31' }],
  ])('%s: does not count', (_, extra, opts) => {
    expect(counts([lecture(extra)], opts)).toBe(0);
  });

  test('done, in the period, on the as-of day, by its own province: counts', () => {
    expect(counts([lecture({ status: 'done' })], { provinceOf: () => 'hainan', asOf: '2017-03-01' })).toBe(1);
  });

  test('by a province coordinating the point: counts', () => {
    const coordinated = { ...C, points: C.points.map((p) => (p.id === 'hainan-sanya' ? { ...p, coordinatingProvinceIds: ['guizhou'] } : p)) };
    const records = [lecture()];
    expect(countActivities(records, coordinated, { hasError: () => false, provinceOf: () => 'guizhou' }).counted).toEqual(records);
  });

  test('the same activity twice counts once; another theme or day is another activity', () => {
    expect(counts([lecture({ title: '不忘合作初心' }), lecture({ title: '不忘合作初心 ' }), lecture({ title: '不忘合作初心（二）' })])).toBe(2);
    expect(counts([lecture({ title: '讲座' }), lecture({ title: '讲座', date: '2017-03-02' })])).toBe(2);
  });

  test("computeCompleteness's own period check: a record out of the period without an error issue does not count", () => {
    const [p] = computeCompleteness([lecture({ date: '2016-12-03' })], [], C);
    expect(p.requirements[0]).toMatchObject({ done: false, count: 0 });
  });
});
