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

  test('a provincial key is not central; the central key is', async () => {
    const province = new ApiClient({ baseUrl: stack.baseUrl, apiKey: stack.keys.provinces.guizhou });
    const central = new ApiClient({ baseUrl: `${stack.baseUrl}/`, apiKey: stack.keys.central });
    await expect(province.isCentralKey(DEFAULT_CAMPAIGN.id, '2017-05')).resolves.toBe(false);
    await expect(central.isCentralKey(DEFAULT_CAMPAIGN.id, '2017-05')).resolves.toBe(true);
    expect((await central.campaign(DEFAULT_CAMPAIGN.id)).points).toHaveLength(12);
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
