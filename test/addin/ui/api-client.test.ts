// The pane's API client against the real local functions on Azurite: what each answer becomes
// (success, duplicate, 401, 403, 400 with the server's own message, offline) and how a key is told
// to be the central office's.
import { createServer } from 'node:net';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import type { SubmissionRequest } from '../../../shared/api';
import { ApiClient, ApiFailure } from '../../../addin/src/services/api-client';
import { startLocalStack, type TestStack } from '../../support';

const request = (records: SubmissionRequest['records']): SubmissionRequest => ({
  campaignId: DEFAULT_CAMPAIGN.id,
  provinceId: 'guizhou',
  month: '2017-05',
  records,
  source: { file: '贵州台账.xlsx', sheet: '台账' },
});

const record = {
  row: 4,
  liaisonPointId: 'guizhou-bijie',
  date: '2017-03-15',
  type: 'lecture' as const,
  leader: '张三',
  title: '不忘合作初心，继续携手前进',
  participants: 80,
  summary: null,
  publication: '《民进贵州》2017年第2期',
  materials: null,
  filledBy: null,
  remarks: null,
};

async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('ApiClient against the local functions', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startLocalStack();
  }, 120_000);
  afterAll(() => stack?.stop());

  test('submit, then the same content again: one version, the second a duplicate', async () => {
    const client = new ApiClient({ baseUrl: stack.baseUrl, apiKey: stack.keys.provinces.guizhou });
    const first = await client.submit(request([record]));
    expect(first).toMatchObject({ status: 201, version: 1, recordCount: 1 });
    const again = await client.submit(request([record]));
    expect(again).toMatchObject({ status: 200, version: 1, duplicate: true });
  });

  test('a provincial key is told with its province; the central key as central', async () => {
    const province = new ApiClient({ baseUrl: stack.baseUrl, apiKey: stack.keys.provinces.guizhou });
    const central = new ApiClient({ baseUrl: `${stack.baseUrl}/`, apiKey: stack.keys.central });
    await expect(province.me()).resolves.toEqual({ role: 'province', provinceId: 'guizhou', provinceName: '贵州省' });
    await expect(central.me()).resolves.toEqual({ role: 'central' });
    expect((await central.campaign(DEFAULT_CAMPAIGN.id)).points).toHaveLength(12);
  });

  test('a preview stores nothing; removing records is a 409 conflict carrying the diff until confirmed', async () => {
    const client = new ApiClient({ baseUrl: stack.baseUrl, apiKey: stack.keys.provinces.shanghai });
    const shanghai = (records: SubmissionRequest['records']) => ({ ...request(records), provinceId: 'shanghai' });
    const visit = { ...record, row: 5, liaisonPointId: 'shanghai-jingan', type: 'veteran-visit' as const, title: '看望老会员' };
    const lecture = { ...record, liaisonPointId: 'shanghai-jingan' };
    const first = await client.submit(shanghai([lecture, visit]));
    const preview = await client.preview(shanghai([lecture]));
    expect(preview).toMatchObject({ needsConfirmation: true, confirm: first.submissionId, diff: { removedCount: 1 } });
    const refused = await failure(client.submit(shanghai([lecture])));
    expect(refused).toMatchObject({ code: 'conflict', status: 409, serverMessage: { code: 'would-remove-records' } });
    expect(refused.serverMessage?.details).toMatchObject({ confirm: first.submissionId, diff: { removedCount: 1 } });
    await expect(client.submit(shanghai([lecture]), preview.confirm)).resolves.toMatchObject({ status: 201, version: first.version + 1 });
  });

  test('refusals keep their status and the server\'s Chinese message', async () => {
    const wrongKey = new ApiClient({ baseUrl: stack.baseUrl, apiKey: 'not-a-key' });
    expect((await failure(wrongKey.submit(request([record])))).code).toBe('unauthorized');

    const otherProvince = new ApiClient({ baseUrl: stack.baseUrl, apiKey: stack.keys.provinces.beijing });
    expect((await failure(otherProvince.submit(request([record])))).code).toBe('forbidden');

    const client = new ApiClient({ baseUrl: stack.baseUrl, apiKey: stack.keys.provinces.guizhou });
    const bad = await failure(client.submit({ ...request([record]), month: '2017-13' }));
    expect(bad.code).toBe('bad-request');
    expect(bad.status).toBe(400);
    expect(bad.serverMessage?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  test('nothing listening is "offline"', async () => {
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, apiKey: 'k' });
    const offline = await failure(client.submit(request([record])));
    expect(offline.code).toBe('offline');
    expect(offline.status).toBeNull();
  });
});
