// A JSON submission keeps each record's status: a cancelled, postponed or planned activity stored
// without it would count as done in the aggregate (issue 10).
import { parseSubmissionJson } from '../../functions/src/submission-body';

const body = (extra: Record<string, unknown>) => ({
  campaignId: '2017-batch-4',
  provinceId: 'guizhou',
  month: '2017-05',
  records: [{ row: 2, liaisonPointId: 'guizhou-bijie', date: '2017-05-03', type: 'lecture', ...extra }],
});

describe('parseSubmissionJson: status', () => {
  test.each(['cancelled', 'postponed', 'planned'])('%s is kept with where it was read', (status) => {
    const [r] = parseSubmissionJson(body({ status, statusText: '已取消', statusColumn: 'H' })).records;
    expect(r).toMatchObject({ status, statusText: '已取消', statusColumn: 'H' });
  });

  test('done, or no status, is a record without one (as the reader writes it)', () => {
    for (const extra of [{ status: 'done', statusText: '已完成' }, {}]) {
      const [r] = parseSubmissionJson(body(extra)).records;
      expect(r.status).toBeUndefined();
      expect(r.statusText).toBeUndefined();
    }
  });

  test('an unknown status is refused with its path', () => {
    expect(() => parseSubmissionJson(body({ status: 'maybe' }))).toThrow('records[0].status');
  });
});
