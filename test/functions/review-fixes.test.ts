// Bugs found in review, one test each: who may write what, limits, and where an error points.
import { HttpRequest } from '@azure/functions';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { ApiFailure } from '../../functions/src/http/responses';
import { readBytes } from '../../functions/src/http/request-body';
import { startLocalStack, type TestStack } from '../support';
import { CAMPAIGN, call, completeSet, rec, submission, useTestStorage } from './helpers';
import { XLSX_CONTENT_TYPE as XLSX } from '../../shared/api';

describe('through the handlers', () => {
  const env = useTestStorage();

  const haidian = async () =>
    (await call('aggregate', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2017-05' } })).json.points.find(
      (p: { liaisonPointId: string }) => p.liaisonPointId === 'beijing-haidian',
    );

  // Bug: a province key could complete another province's point by naming it in its own records.
  test("a province's records for another province's point are flagged and never counted there", async () => {
    const res = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', completeSet('beijing-haidian')) });
    expect(res.status).toBe(201);
    const foreign = res.json.issues.filter((i: { code: string }) => i.code === 'point-other-province');
    expect(foreign.map((i: { row: number; severity: string }) => [i.row, i.severity])).toEqual([[2, 'error'], [3, 'error'], [4, 'error']]);
    expect(foreign[0].message).toContain('该联系点既不属于贵州省，也不由贵州省协调');
    expect(await haidian()).toMatchObject({ complete: false, countsByType: {} });
  });

  test('…and a stored snapshot naming a foreign point without that issue does not count either (the aggregate checks too)', async () => {
    // Written straight to storage, as versions stored before the submission-time check look.
    const forged = `${CAMPAIGN}~guizhou~000099`;
    await env.repo.writeRecords(forged, completeSet('beijing-haidian').map((record) => ({ record, issues: [] })));
    await env.repo.flipPointer(CAMPAIGN, { provinceId: 'guizhou', month: '2017-05', version: 99, submissionId: forged, submittedAt: new Date().toISOString() });
    expect(await haidian()).toMatchObject({ complete: false });
  });

  test('a point the province coordinates counts', async () => {
    const edited = { ...DEFAULT_CAMPAIGN, points: DEFAULT_CAMPAIGN.points.map((p) => (p.id === 'beijing-haidian' ? { ...p, coordinatingProvinceIds: ['guizhou'] } : p)) };
    expect((await call('campaign-put', { key: env.keys.central, params: { campaignId: CAMPAIGN }, body: edited })).status).toBe(200);
    const res = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', completeSet('beijing-haidian')) });
    expect(res.json.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(await haidian()).toMatchObject({ complete: true });
  });

  // Bug: a campaign under the 1 MiB body limit but over one entity's size answered 500.
  test('a campaign too large to store is refused with 413, and the stored one is untouched', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(20_000, 'x'));
    const big = { ...DEFAULT_CAMPAIGN, points: DEFAULT_CAMPAIGN.points.map((p, i) => (i === 0 ? { ...p, aliases } : p)) };
    const res = await call('campaign-put', { key: env.keys.central, params: { campaignId: CAMPAIGN }, body: big });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('campaign-too-large');
    const after = await call('campaign-get', { key: env.keys.central, params: { campaignId: CAMPAIGN } });
    expect(after.json.points[0].aliases).toEqual(DEFAULT_CAMPAIGN.points[0].aliases);
  });

  // Bug: the .xlsx route's file/sheet query parameters were stored unchecked, at any length.
  test('an over-long file name in the .xlsx query is refused with its path', async () => {
    const res = await call('submissions-create', {
      key: env.keys.guizhou,
      bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
      contentType: XLSX,
      query: { campaignId: CAMPAIGN, provinceId: 'guizhou', month: '2017-05', file: 'x'.repeat(501) },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.details.path).toBe('file');
  });

  // Bug: row numbers had no upper bound (1e300 was accepted as a sheet row).
  test('a row beyond Excel\'s last row is refused with its path', async () => {
    const res = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', [rec(1e300, 'guizhou-bijie', '2017-05-01', 'lecture')]) });
    expect(res.status).toBe(400);
    expect(res.json.error.details.path).toBe('records[0].row');
  });

  // Bug: ids longer than a table key allows (1 KiB) reached storage and answered 500.
  test('over-long ids in the path answer 400/404, not 500', async () => {
    const long = 'x'.repeat(2000);
    expect((await call('campaign-get', { key: env.keys.central, params: { campaignId: long } })).json.error.details.path).toBe('campaignId');
    const sub = await call('submission-get', { key: env.keys.central, params: { id: `${long}~guizhou~000001` } });
    expect(sub.status).toBe(404);
    expect(sub.json.error.code).toBe('submission-not-found');
  });

  // Bug: stored uploads were served back without nosniff.
  test('the original payload is served as an attachment the browser may not sniff', async () => {
    const sent = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', completeSet('guizhou-bijie')) });
    const original = await call('submission-original', { key: env.keys.guizhou, params: { id: sent.json.submissionId } });
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect((await call('submission-original', { key: env.keys.beijing, params: { id: sent.json.submissionId } })).status).toBe(403);
  });

  // Bug: several 400/404 answers did not say which field was wrong (reports said `field`, not `path`).
  test.each([
    ['unknown province', 'submissions-create', { key: 'central', body: submission('atlantis', '2017-05', []) }, 'provinceId'],
    ['month outside the period', 'submissions-create', { key: 'guizhou', body: submission('guizhou', '2018-01', []) }, 'month'],
    ['unknown campaign', 'campaign-get', { key: 'guizhou', params: { campaignId: 'nope' } }, 'campaignId'],
    ['bad report format', 'report-monthly', { key: 'central', query: { campaignId: CAMPAIGN, month: '2017-05', format: 'pdf' } }, 'format'],
    ['too many records', 'submissions-create', { key: 'guizhou', body: submission('guizhou', '2017-05', Array.from({ length: 20_001 }, (_, i) => rec(i + 2, null, null, null))) }, 'records'],
  ] as const)('%s: details.path names the field', async (_label, route, init, path) => {
    const res = await call(route, { ...init, key: env.keys[init.key] });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.json.error.details.path).toBe(path);
  });
});

// Bug: bodies were buffered whole (request.arrayBuffer()) before their size was checked.
test('a body without Content-Length is cut off at the limit while it streams', async () => {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(64 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = { headers: new Headers(), body } as unknown as HttpRequest;
  const failure = await readBytes(request, 1024 * 1024).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(ApiFailure);
  expect(failure).toMatchObject({ status: 413, code: 'body-too-large' });
  expect(cancelled).toBe(true);
  expect(pulled).toBeLessThan(2 * 1024 * 1024);
});

describe('through the local host', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startLocalStack();
  });
  afterAll(() => stack.stop());

  // Bug: a malformed % escape in the path crashed the request into an empty 500.
  test('a malformed % escape answers 400 in the error shape', async () => {
    const res = await fetch(`${stack.baseUrl}/api/submissions/%E0%A4%A`, { headers: { 'x-api-key': stack.keys.central } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('url-invalid');
  });

  // Bug: every route read bodies up to the largest limit (10 MiB), a campaign PUT included.
  test('each route reads at most its own limit', async () => {
    const put = await fetch(`${stack.baseUrl}/api/campaigns/${CAMPAIGN}`, {
      method: 'PUT',
      headers: { 'x-api-key': stack.keys.central, 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEFAULT_CAMPAIGN, padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(put.status).toBe(413);
    expect(((await put.json()) as { error: { details: { limitBytes: number } } }).error.details.limitBytes).toBe(1024 * 1024);
  });
});
