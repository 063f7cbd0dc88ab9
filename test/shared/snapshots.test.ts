import fc from 'fast-check';
import { currentSnapshots } from '../../shared/aggregate';
import { currentSnapshotOf, type SnapshotRef } from '../../shared/snapshots';
import { activityIdentity, applySnapshotDiff, diffSnapshots, recordContent, removesRecords } from '../../shared/diff-snapshots';
import { defaultReportingMonth, isLateSubmission, reportingDeadline } from '../../shared/reporting-month';
import { DEFAULT_CAMPAIGN, type Campaign, type TrackerRecord, type TypeCode } from '../../shared';
import { record } from './helpers';

const C = DEFAULT_CAMPAIGN;
const ref = (provinceId: string, month: string, version: number): SnapshotRef => ({
  provinceId,
  month,
  version,
  submissionId: `${C.id}~${provinceId}~${version}`,
  submittedAt: '2017-12-01T00:00:00Z',
});

describe('the current snapshot of a month', () => {
  // Issue 9, scenario 1: November v1, then a May correction v2.
  const versions = [ref('guizhou', '2017-11', 1), ref('guizhou', '2017-05', 2), ref('guizhou', '2017-05', 3), ref('beijing', '2017-03', 1)];

  it('is the newest version of the latest month up to M: an older-month correction never displaces a later month', () => {
    expect(currentSnapshotOf(versions, 'guizhou', '2017-11')?.version).toBe(1);
    expect(currentSnapshotOf(versions, 'guizhou', '2017-12')?.version).toBe(1);
    expect(currentSnapshotOf(versions, 'guizhou', '2017-05')?.version).toBe(3);
    expect(currentSnapshotOf(versions, 'guizhou', '2017-10')?.version).toBe(3);
    expect(currentSnapshotOf(versions, 'guizhou', '2017-04')).toBeUndefined();
    expect(currentSnapshotOf(versions, 'beijing', '2017-11')?.month).toBe('2017-03');
  });

  it("the aggregate's status names the month's own version, and the snapshot it read", () => {
    const { provinces, current } = currentSnapshots(C, '2017-11', versions);
    expect(current.find((s) => s.provinceId === 'guizhou')).toMatchObject({ month: '2017-11', version: 1 });
    expect(provinces.find((p) => p.provinceId === 'guizhou')).toMatchObject({ submitted: true, version: 1 });
    expect(provinces.find((p) => p.provinceId === 'beijing')).toMatchObject({ submitted: false, version: null });
  });
});

const base = (row: number, over: Partial<TrackerRecord> = {}) =>
  record({ row, liaisonPointId: 'guizhou-bijie', date: `2017-05-${String(row).padStart(2, '0')}`, type: 'lecture', title: `讲座${row}`, ...over });

describe('diffSnapshots', () => {
  it('a moved row is no change; a changed field is; a new and a dropped activity are added and removed', () => {
    const before = [base(1), base(2), base(3)];
    const after = [{ ...base(3), row: 10 }, { ...base(1), row: 11, participants: 99 }, base(4)];
    const diff = diffSnapshots(before, after);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].fields).toEqual(['participants']);
    expect(diff.added.map((r) => r.row)).toEqual([4]);
    expect(diff.removed.map((r) => r.row)).toEqual([2]);
    expect(removesRecords(diff)).toBe(true);
  });

  it('how a cell was typed is no change: the same date written another way', () => {
    const diff = diffSnapshots([base(1, { dateText: '2017.5.1' })], [base(1, { dateText: '2017年5月1日', row: 7 })]);
    expect(diff).toMatchObject({ unchanged: 1, changed: [], added: [], removed: [] });
  });

  it('titles match after normalisation (full-width, traditional, spaces); a lone corrected title is a change', () => {
    expect(activityIdentity(base(1, { title: '不忘合作初心 继续携手前进' }))).toBe(activityIdentity(base(1, { title: '不忘合作初心繼續攜手前進' })));
    const diff = diffSnapshots([base(1, { title: '讲坐' })], [base(1, { title: '讲座' })]);
    expect(diff.changed.map((c) => c.fields)).toEqual([['title']]);
    expect(removesRecords(diff)).toBe(false);
  });

  it('two activities left at one (point, date, type) are not guessed into pairs', () => {
    const diff = diffSnapshots([base(1, { title: 'A' }), base(1, { title: 'B' })], [base(1, { title: 'C' }), base(1, { title: 'D' })]);
    expect([diff.added.length, diff.removed.length, diff.changed.length]).toEqual([2, 2, 0]);
  });

  it('emptying a snapshot needs confirmation; only adding does not', () => {
    expect(removesRecords(diffSnapshots([base(1)], []))).toBe(true);
    expect(removesRecords(diffSnapshots([base(1)], [base(1), base(2)]))).toBe(false);
    expect(removesRecords(diffSnapshots([], []))).toBe(false);
  });

  const TYPES: TypeCode[] = ['lecture', 'symposium', 'veteran-visit'];
  const arbRecord = fc
    .record({
      day: fc.integer({ min: 1, max: 4 }),
      type: fc.constantFrom(...TYPES),
      title: fc.constantFrom('讲座', '講座', ' 讲 座', '座谈', null),
      participants: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      point: fc.constantFrom('guizhou-bijie', 'beijing-haidian'),
    })
    .map((v) => record({ row: 0, liaisonPointId: v.point, date: `2017-05-0${v.day}`, type: v.type, title: v.title, participants: v.participants }));
  const snapshot = fc.array(arbRecord, { maxLength: 12 }).map((rs) => rs.map((r, i) => ({ ...r, row: i + 2 })));
  const contents = (rs: readonly TrackerRecord[]) => rs.map(recordContent).sort();

  it('property: the diff applied to the previous snapshot gives the next one', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (previous, next) => {
        const diff = diffSnapshots(previous, next);
        expect(contents(applySnapshotDiff(previous, diff))).toEqual(contents(next));
        expect(diff.unchanged + diff.changed.length + diff.removed.length).toBe(previous.length);
        expect(diff.unchanged + diff.changed.length + diff.added.length).toBe(next.length);
      }),
      { numRuns: 300 },
    );
  });

  it('property: row order does not matter (a shuffled, renumbered tracker has the same diff)', () => {
    fc.assert(
      fc.property(snapshot, snapshot, fc.integer(), (previous, next, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(next, { minLength: next.length, maxLength: next.length }), { numRuns: 1, seed })[0]
          .map((r, i) => ({ ...r, row: 100 + i }));
        const a = diffSnapshots(previous, next);
        const b = diffSnapshots(previous, shuffled);
        expect([b.unchanged, b.changed.length, b.added.length, b.removed.length]).toEqual([a.unchanged, a.changed.length, a.added.length, a.removed.length]);
        expect(contents(b.removed)).toEqual(contents(a.removed));
        expect(contents(b.added)).toEqual(contents(a.added));
        expect(diffSnapshots(next, shuffled)).toMatchObject({ unchanged: next.length, added: [], removed: [], changed: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the default reporting month (China time, due day 5)', () => {
  // Instants in UTC; China is UTC+8.
  const at = (iso: string) => defaultReportingMonth(C, new Date(iso));

  it('is the month just ended until its due day, then the running month', () => {
    expect(at('2017-06-01T02:00:00Z')).toBe('2017-05'); // 1 June
    expect(at('2017-06-03T02:00:00Z')).toBe('2017-05'); // the 3 June
    expect(at('2017-06-05T15:59:00Z')).toBe('2017-05'); // 23:59 on 5 June in Beijing
    expect(at('2017-06-05T16:00:00Z')).toBe('2017-06'); // 00:00 on 6 June in Beijing
    expect(at('2017-06-06T02:00:00Z')).toBe('2017-06');
    expect(at('2017-05-31T02:00:00Z')).toBe('2017-05'); // 31st
    expect(at('2017-05-31T17:00:00Z')).toBe('2017-05'); // 1 June 01:00 in Beijing: May still
  });

  it('never leaves the campaign: not before its first month, never after its end', () => {
    expect(at('2017-01-03T02:00:00Z')).toBe('2017-01');
    expect(at('2017-12-31T02:00:00Z')).toBe('2017-12');
    expect(at('2018-01-04T02:00:00Z')).toBe('2017-12');
    expect(at('2018-01-20T02:00:00Z')).toBe('2017-12');
    expect(at('2026-11-29T02:00:00Z')).toBe('2017-12');
  });

  it('follows the campaign due day', () => {
    const tenth: Campaign = { ...C, submissionDueDay: 10 };
    expect(defaultReportingMonth(tenth, new Date('2017-06-08T02:00:00Z'))).toBe('2017-05');
    expect(defaultReportingMonth(tenth, new Date('2017-06-11T02:00:00Z'))).toBe('2017-06');
  });

  it('names the deadline, and marks a late submission', () => {
    expect(reportingDeadline(C, '2017-05').label).toBe('报送 2017年5月台账，截止 6月5日');
    expect(reportingDeadline(C, '2017-12').label).toBe('报送 2017年12月台账，截止 2018年1月5日');
    expect(isLateSubmission(C, '2017-05', '2017-06-05T15:59:00Z')).toBe(false);
    expect(isLateSubmission(C, '2017-05', '2017-06-05T16:00:01Z')).toBe(true);
  });
});
