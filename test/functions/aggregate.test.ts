// The month rules of the aggregate: current snapshot = newest version of the latest month ≤ M;
// completeness as of M's last day; 未报送 when nothing was submitted FOR month M; lateness.
import type { AggregateResponse } from '../../shared';
import { dueInstant, isLate } from '../../shared/deadlines';
import { CAMPAIGN, call, completeSet, rec, submission, useTestStorage } from './helpers';

const env = useTestStorage();

const aggregate = async (month: string): Promise<AggregateResponse> => (await call('aggregate', { key: env.keys.central, query: { campaignId: CAMPAIGN, month } })).json;
const send = (provinceId: string, month: string, records: ReturnType<typeof rec>[]) =>
  call('submissions-create', { key: env.keys.central, body: submission(provinceId, month, records) });
const point = (agg: AggregateResponse, id: string) => agg.points.find((p) => p.liaisonPointId === id);
const province = (agg: AggregateResponse, id: string) => agg.provinces.find((p) => p.provinceId === id);

test('an earlier month\'s snapshot still counts, but the province is 未报送 for the month', async () => {
  await send('guizhou', '2017-04', [rec(2, 'guizhou-bijie', '2017-04-08', 'lecture')]);
  const may = await aggregate('2017-05');
  expect(province(may, 'guizhou')).toMatchObject({ submitted: false, version: null, submittedAt: null, late: false });
  expect(point(may, 'guizhou-bijie')).toMatchObject({ missing: ['symposium-or-branch-meeting', 'veteran-visit'], countsByType: { lecture: 1 } });
  const april = await aggregate('2017-04');
  expect(province(april, 'guizhou')).toMatchObject({ submitted: true, version: 1 });
  const march = await aggregate('2017-03');
  expect(march.records).toHaveLength(0);
  expect(point(march, 'guizhou-bijie')).toMatchObject({ complete: false, missing: ['lecture', 'symposium-or-branch-meeting', 'veteran-visit'] });
});

test('a snapshot replaces the previous one; later months do not leak into an earlier aggregate', async () => {
  await send('beijing', '2017-05', completeSet('beijing-haidian').slice(0, 2));
  // A tracker grows: June's snapshot keeps May's rows and adds June's (removing rows needs a confirmation).
  await send('beijing', '2017-06', [...completeSet('beijing-haidian').slice(0, 2), rec(4, 'beijing-haidian', '2017-06-20', 'veteran-visit')]);
  const may = await aggregate('2017-05');
  expect(may.records).toHaveLength(2);
  expect(point(may, 'beijing-haidian')).toMatchObject({ complete: false, missing: ['veteran-visit'] });
  const june = await aggregate('2017-06');
  expect(june.records).toHaveLength(3);
  expect(june.records.every((r: { submissionId: string }) => r.submissionId === `${CAMPAIGN}~beijing~000002`)).toBe(true);
  expect(point(june, 'beijing-haidian')).toMatchObject({ complete: true });
});

test('records dated after the month do not count, but are listed; requirement rows point into records', async () => {
  await send('shanghai', '2017-05', [
    rec(2, 'shanghai-jingan', '2017-05-02', 'lecture'),
    rec(3, 'shanghai-jingan', '2017-06-02', 'veteran-visit'),
    rec(4, 'shanghai-jingan', '2017-05-30', 'branch-meeting'),
  ]);
  await send('jiangsu', '2017-05', [rec(2, 'jiangsu-changzhou', '2017-05-09', 'lecture')]);
  const may = await aggregate('2017-05');
  expect(may.asOf).toBe('2017-05-31');
  expect(may.records).toHaveLength(4);
  const jingan = point(may, 'shanghai-jingan')!;
  expect(jingan.missing).toEqual(['veteran-visit']);
  expect(jingan.lastActivityDate).toBe('2017-05-30');
  const lectureRows = jingan.requirements.find((r) => r.requirementId === 'lecture')!.rows;
  expect(lectureRows.map((row) => may.records[row - 1])).toEqual([expect.objectContaining({ liaisonPointId: 'shanghai-jingan', type: 'lecture', row: 2 })]);
  expect(may.countsByType).toEqual({ lecture: 2, 'branch-meeting': 1 });
});

test('an errored record in one province does not knock out a valid record on the same sheet row elsewhere', async () => {
  await send('guizhou', '2017-05', [rec(2, 'guizhou-bijie', null, 'lecture')]);
  await send('beijing', '2017-05', [rec(2, 'beijing-haidian', '2017-05-02', 'lecture')]);
  const may = await aggregate('2017-05');
  expect(point(may, 'beijing-haidian')).toMatchObject({ countsByType: { lecture: 1 } });
  expect(point(may, 'guizhou-bijie')).toMatchObject({ countsByType: {} });
  const guizhouRecord = may.records.find((r) => r.provinceId === 'guizhou')!;
  expect(guizhouRecord.issues.map((i: { code: string }) => i.code)).toContain('date-missing');
});

test('late: after the due day of the following month, end of day China time', () => {
  expect(new Date(dueInstant('2017-05', 5)).toISOString()).toBe('2017-06-05T15:59:59.999Z');
  expect(isLate('2017-05', '2017-06-05T15:59:59.999Z', 5)).toBe(false);
  expect(isLate('2017-05', '2017-06-05T16:00:00.000Z', 5)).toBe(true);
  expect(new Date(dueInstant('2017-12', 10)).toISOString()).toBe('2018-01-10T15:59:59.999Z');
  expect(isLate('2017-05', '2017-05-20T08:00:00.000Z', 5)).toBe(false);
});

test('a month outside the period or malformed is refused', async () => {
  expect((await call('aggregate', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2018-01' } })).json.error.code).toBe('month-out-of-period');
  expect((await call('aggregate', { key: env.keys.central, query: { campaignId: CAMPAIGN } })).json.error.code).toBe('invalid-body');
});
