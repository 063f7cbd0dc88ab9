// The handlers called directly, through the route table, with the library's own HttpRequest and
// InvocationContext, against a real (in-memory) Azurite.
import { DEFAULT_CAMPAIGN } from '../../shared';
import { CAMPAIGN, call, completeSet, rec, submission, useTestStorage } from './helpers';
import { useRepository } from '../../functions/src/services';
import { openStorage } from '../../functions/src/storage/clients';
import { Repository } from '../../functions/src/storage/repository';

const env = useTestStorage();

test('health answers without a key and reports storage', async () => {
  const res = await call('health', {});
  expect(res.status).toBe(200);
  expect(res.json.storage).toEqual({ table: true, blob: true });
});

test('a submission is stored as version 1 with its issues, and the same content again is a duplicate', async () => {
  const records = [...completeSet('guizhou-bijie'), rec(5, 'guizhou-bijie', '2016-12-03', 'lecture')];
  const first = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', records) });
  expect(first.status).toBe(201);
  expect(first.json).toMatchObject({ submissionId: `${CAMPAIGN}~guizhou~000001`, version: 1, recordCount: 4 });
  expect(first.json.duplicate).toBeUndefined();
  const outOfPeriod = first.json.issues.filter((i: { code: string }) => i.code === 'date-out-of-period');
  expect(outOfPeriod).toHaveLength(1);
  expect(outOfPeriod[0]).toMatchObject({ row: 5, severity: 'error' });

  const again = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', records) });
  expect(again.status).toBe(200);
  expect(again.json).toMatchObject({ submissionId: first.json.submissionId, version: 1, duplicate: true });
  expect(await env.repo.listSummaries(CAMPAIGN, 'guizhou')).toHaveLength(1);
  expect(await env.repo.readRecords(first.json.submissionId)).toHaveLength(4);
});

test('changed content makes version 2; both versions stay retrievable as submitted', async () => {
  const v1 = completeSet('guizhou-bijie').slice(0, 1);
  const v2 = completeSet('guizhou-bijie');
  await call('submissions-create', { key: env.keys.guizhou, body: { ...submission('guizhou', '2017-05', v1), source: { file: '毕节台账.xlsx', sheet: '台账' } } });
  const second = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', v2) });
  expect(second.json.version).toBe(2);

  const list = await call('submissions-list', { key: env.keys.guizhou, query: { campaignId: CAMPAIGN } });
  expect(list.status).toBe(200);
  expect(list.json.submissions.map((s: { version: number }) => s.version)).toEqual([2, 1]);

  const one = await call('submission-get', { key: env.keys.guizhou, path: `submissions/${CAMPAIGN}~guizhou~000001`, params: { id: `${CAMPAIGN}~guizhou~000001` } });
  expect(one.status).toBe(200);
  expect(one.json.records).toEqual(v1);
  expect(one.json.source).toEqual({ file: '毕节台账.xlsx', sheet: '台账' });

  const original = await call('submission-original', { key: env.keys.guizhou, params: { id: `${CAMPAIGN}~guizhou~000001` } });
  expect(original.status).toBe(200);
  expect(original.json.records).toEqual(v1);
});

test('records with errors are stored and reported, not dropped (unknown point included)', async () => {
  const res = await call('submissions-create', {
    key: env.keys.guizhou,
    body: submission('guizhou', '2017-05', [rec(2, 'nowhere-point', '2017-05-02', 'lecture'), rec(3, 'guizhou-bijie', null, 'symposium')]),
  });
  expect(res.status).toBe(201);
  expect(res.json.recordCount).toBe(2);
  const codes = res.json.issues.map((i: { row: number; code: string }) => `${i.row}:${i.code}`);
  expect(codes).toEqual(expect.arrayContaining(['2:point-unknown', '3:date-missing']));
  const detail = await call('submission-get', { key: env.keys.central, params: { id: res.json.submissionId } });
  expect(detail.json.errorCount).toBe(2);
  expect(detail.json.records).toHaveLength(2);
});

test('a province key reaches only its own province; the central key reaches all', async () => {
  const sent = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', completeSet('guizhou-bijie')) });
  const other = await call('submissions-create', { key: env.keys.beijing, body: submission('guizhou', '2017-05', completeSet('guizhou-bijie')) });
  expect(other.status).toBe(403);
  expect(other.json.error.code).toBe('province-forbidden');
  expect(other.json.error.message).toBe('此密钥属于北京市，不能访问贵州省的数据。');

  expect((await call('submission-get', { key: env.keys.beijing, params: { id: sent.json.submissionId } })).status).toBe(403);
  expect((await call('submissions-list', { key: env.keys.beijing, query: { campaignId: CAMPAIGN, provinceId: 'guizhou' } })).status).toBe(403);
  expect((await call('aggregate', { key: env.keys.guizhou, query: { campaignId: CAMPAIGN, month: '2017-05' } })).status).toBe(403);
  expect((await call('submission-get', { key: env.keys.central, params: { id: sent.json.submissionId } })).status).toBe(200);
  const all = await call('submissions-list', { key: env.keys.central, query: { campaignId: CAMPAIGN } });
  expect(all.json.submissions).toHaveLength(1);
});

test('missing and wrong keys are refused with 401', async () => {
  const none = await call('aggregate', { query: { campaignId: CAMPAIGN, month: '2017-05' } });
  expect(none.status).toBe(401);
  expect(none.json.error).toMatchObject({ code: 'key-missing' });
  expect(none.json.error.message).toMatch(/x-api-key/);
  const wrong = await call('aggregate', { key: 'lt_central_not-a-key', query: { campaignId: CAMPAIGN, month: '2017-05' } });
  expect(wrong.status).toBe(401);
  expect(wrong.json.error.code).toBe('key-invalid');
});

test('the default campaign exists from the start; PUT validates and needs the central key', async () => {
  const got = await call('campaign-get', { key: env.keys.guizhou, params: { campaignId: CAMPAIGN } });
  expect(got.status).toBe(200);
  expect(got.json.points.map((p: { id: string }) => p.id)).toEqual(DEFAULT_CAMPAIGN.points.map((p) => p.id));

  const edited = { ...DEFAULT_CAMPAIGN, points: DEFAULT_CAMPAIGN.points.map((p) => (p.id === 'guizhou-bijie' ? { ...p, leader: '李四' } : p)) };
  expect((await call('campaign-put', { key: env.keys.guizhou, params: { campaignId: CAMPAIGN }, body: edited })).status).toBe(403);
  const put = await call('campaign-put', { key: env.keys.central, params: { campaignId: CAMPAIGN }, body: edited });
  expect(put.status).toBe(200);
  const after = await call('campaign-get', { key: env.keys.guizhou, params: { campaignId: CAMPAIGN } });
  expect(after.json.points.find((p: { id: string }) => p.id === 'guizhou-bijie').leader).toBe('李四');

  const bad = await call('campaign-put', { key: env.keys.central, params: { campaignId: CAMPAIGN }, body: { ...DEFAULT_CAMPAIGN, period: { start: '2017-13-01', end: 'x' } } });
  expect(bad.status).toBe(400);
  expect(bad.json.error.code).toBe('invalid-campaign');
  expect(bad.json.error.details.path).toMatch(/period/);
  const mismatch = await call('campaign-put', { key: env.keys.central, params: { campaignId: 'other-id' }, body: DEFAULT_CAMPAIGN });
  expect(mismatch.json.error.code).toBe('campaign-id-mismatch');
  const unknown = await call('campaign-get', { key: env.keys.central, params: { campaignId: 'no-such-campaign' } });
  expect(unknown.status).toBe(404);
  expect(unknown.json.error.code).toBe('campaign-not-found');
});

test('a storage failure is logged with context.error and answered 503', async () => {
  // A port nothing listens on: the first storage call fails to connect.
  const dead = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${Buffer.from('k').toString('base64')};TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;`;
  useRepository(new Repository(openStorage({ connectionString: dead, prefix: 'unreachable' })));
  const res = await call('campaign-get', { key: 'lt_central_whatever', params: { campaignId: CAMPAIGN } });
  expect(res.status).toBe(503);
  expect(res.json.error.code).toBe('storage-unavailable');
  expect(res.logs.some((l) => l.level === 'error')).toBe(true);
  const health = await call('health', {});
  expect(health.status).toBe(503);
  expect(health.json.storage).toEqual({ table: false, blob: false });
});

describe('a tracker kept a sheet per month, submitted as JSON', () => {
  const onSheet = (sheet: string, records: ReturnType<typeof rec>[]) => records.map((r) => ({ ...r, sheet }));

  test('records carry their sheet; an error on 2月 row 4 does not knock out 3月 row 4', async () => {
    const records = [
      ...onSheet('2月', [rec(2, 'guizhou-bijie', '2017-02-03', 'lecture'), rec(3, 'guizhou-bijie', '2017-02-10', 'symposium'), rec(4, 'guizhou-bijie', null, 'veteran-visit')]),
      ...onSheet('3月', [rec(4, 'guizhou-bijie', '2017-03-20', 'veteran-visit')]),
    ];
    const res = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-03', records) });
    expect(res.status).toBe(201);
    expect(res.json.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([
      expect.objectContaining({ sheet: '2月', row: 4, code: 'date-missing' }),
    ]);
    const detail = await call('submission-get', { key: env.keys.central, params: { id: res.json.submissionId } });
    expect(detail.json.records.map((r: { sheet: string; row: number }) => `${r.sheet}:${r.row}`)).toEqual(['2月:2', '2月:3', '2月:4', '3月:4']);
    expect(detail.json.errorCount).toBe(1);
    const aggregate = await call('aggregate', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2017-03' } });
    const bijie = aggregate.json.points.find((p: { liaisonPointId: string }) => p.liaisonPointId === 'guizhou-bijie');
    expect(bijie).toMatchObject({ complete: true });
    expect(bijie.requirements[0].sheets).toBeUndefined();
  });

  test('a sheet that is not a string, or too long, is refused with its path', async () => {
    for (const sheet of [3, 'x'.repeat(501)]) {
      const res = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-03', [{ ...rec(2, 'guizhou-bijie', '2017-03-01', 'lecture'), sheet } as never]) });
      expect(res.status).toBe(400);
      expect(res.json.error.details.path).toBe('records[0].sheet');
    }
  });
});
