import { buildAggregate, currentSnapshots, type SnapshotRef } from '../../shared/aggregate';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { record } from './helpers';

const C = DEFAULT_CAMPAIGN;
const ref = (provinceId: string, month: string, version: number, submittedAt: string): SnapshotRef => ({
  provinceId,
  month,
  version,
  submissionId: `${C.id}~${provinceId}~${version}`,
  submittedAt,
});

describe('currentSnapshots', () => {
  const versions = [
    ref('guizhou', '2017-04', 1, '2017-05-03T02:00:00Z'),
    ref('guizhou', '2017-05', 2, '2017-06-07T02:00:00Z'),
    ref('beijing', '2017-04', 1, '2017-05-02T02:00:00Z'),
    ref('beijing', '2017-06', 2, '2017-07-01T02:00:00Z'),
  ];

  it('takes per province the latest version for a month up to M; without one FOR M it is not submitted', () => {
    const { provinces, current } = currentSnapshots(C, '2017-05', versions);
    expect(current.map((s) => [s.provinceId, s.version])).toEqual([['beijing', 1], ['guizhou', 2]]);
    expect(provinces.find((p) => p.provinceId === 'beijing')).toMatchObject({ submitted: false, version: null, late: false });
    // Due by the end of 5 June, China time: the 7th is late.
    expect(provinces.find((p) => p.provinceId === 'guizhou')).toMatchObject({ submitted: true, version: 2, late: true });
    expect(provinces.find((p) => p.provinceId === 'hainan')).toMatchObject({ submitted: false });
  });
});

describe('buildAggregate', () => {
  it("counts a province's records only for its own points, and activities only up to the month's end", () => {
    const snapshot = ref('guizhou', '2017-05', 1, '2017-06-01T00:00:00Z');
    const records = [
      record({ row: 2, liaisonPointId: 'guizhou-bijie', date: '2017-03-01', type: 'lecture' }),
      record({ row: 3, liaisonPointId: 'guizhou-bijie', date: '2017-06-02', type: 'veteran-visit' }),
      record({ row: 4, liaisonPointId: 'beijing-haidian', date: '2017-03-01', type: 'lecture' }),
    ].map((r) => ({ record: r, issues: [] }));
    const { provinces } = currentSnapshots(C, '2017-05', [snapshot]);
    const result = buildAggregate(C, '2017-05', provinces, [{ snapshot, records }]);
    expect(result.records).toHaveLength(3);
    const bijie = result.points.find((p) => p.liaisonPointId === 'guizhou-bijie')!;
    expect(bijie.missing).toEqual(['symposium-or-branch-meeting', 'veteran-visit']);
    expect(result.points.find((p) => p.liaisonPointId === 'beijing-haidian')!.countsByType).toEqual({});
    expect(result.countsByType).toEqual({ lecture: 1 });
  });
});
