// Bug: 102,000 records made a 35 MiB aggregate. The lean form's size grows with points and months,
// not with records; the records come in pages that add up to the full aggregate's, in its order.
import { CAMPAIGN, call, rec, submission, useTestStorage } from './helpers';

const env = useTestStorage();

const many = (month: string, count: number) =>
  Array.from({ length: count }, (_, i) => rec(i + 2, i % 2 ? 'guizhou-bijie' : 'guizhou-zunyi', `${month}-${String((i % 28) + 1).padStart(2, '0')}`, i % 3 === 0 ? 'lecture' : 'symposium', { title: `第${i}场：基层组织建设座谈` }));

async function sizes(month: string) {
  const query = { campaignId: CAMPAIGN, month };
  const full = await call('aggregate', { key: env.keys.central, query });
  const lean = await call('aggregate', { key: env.keys.central, query: { ...query, view: 'lean' } });
  return { full, lean, fullBytes: JSON.stringify(full.json).length, leanBytes: JSON.stringify(lean.json).length };
}

test('the lean aggregate does not grow with records; pages add up to the full records', async () => {
  let previous: string | null = null;
  for (const [month, count] of [['2017-05', 30], ['2017-06', 3_000]] as const) {
    // June's snapshot replaces May's rows: confirmed (the removal rule is not what this tests).
    const query: Record<string, string> | undefined = previous ? { confirm: previous } : undefined;
    const sent = await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', month, many(month, count)), query });
    expect(sent.status).toBe(201);
    previous = sent.json.submissionId;
  }
  const small = await sizes('2017-05');
  const large = await sizes('2017-06');
  console.log(`[aggregate] 30 records: full ${small.fullBytes} B, lean ${small.leanBytes} B; 3,000 records: full ${large.fullBytes} B, lean ${large.leanBytes} B`);
  expect(large.fullBytes).toBeGreaterThan(20 * small.fullBytes);
  expect(Math.abs(large.leanBytes - small.leanBytes)).toBeLessThan(0.05 * small.leanBytes);
  expect(large.lean.json).toMatchObject({ recordCount: 3_000, points: expect.any(Array), provinces: expect.any(Array) });
  expect(large.lean.json.records).toBeUndefined();
  expect(large.lean.json.points.map((p: { complete: boolean }) => p.complete)).toEqual(large.full.json.points.map((p: { complete: boolean }) => p.complete));

  const paged: unknown[] = [];
  let continuation: string | null = null;
  do {
    const query: Record<string, string> = { campaignId: CAMPAIGN, month: '2017-06', pageSize: '700', ...(continuation ? { continuation } : {}) };
    const page = await call('aggregate-records', { key: env.keys.central, query });
    expect(page.status).toBe(200);
    expect(page.json.records.length).toBeLessThanOrEqual(700);
    paged.push(...page.json.records);
    continuation = page.json.continuation;
  } while (continuation);
  expect(paged).toEqual(large.full.json.records);
});

test('a continuation from before a new version is refused (409); a forged one 400', async () => {
  await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', many('2017-05', 10)) });
  const first = await call('aggregate-records', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2017-05', pageSize: '4' } });
  await call('submissions-create', { key: env.keys.guizhou, body: submission('guizhou', '2017-05', many('2017-05', 11)) });
  const stale = await call('aggregate-records', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2017-05', continuation: first.json.continuation } });
  expect(stale.status).toBe(409);
  expect(stale.json.error.code).toBe('aggregate-changed');
  const forged = await call('aggregate-records', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2017-05', continuation: 'bm9wZQ' } });
  expect(forged.json.error.code).toBe('continuation-invalid');
  const province = await call('aggregate-records', { key: env.keys.guizhou, query: { campaignId: CAMPAIGN, month: '2017-05' } });
  expect(province.status).toBe(403);
});
