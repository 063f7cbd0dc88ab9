// Issue 9's scenarios end to end on Azurite: month snapshots (an older-month correction never
// displaces a later month) and the guard before records are removed (409 unless confirmed).
import { HttpRequest, InvocationContext } from '@azure/functions';
import ExcelJS from 'exceljs';
import { routeHandler, routes } from '../../functions/src/routes';
import type { AggregateResponse, SubmissionPreview } from '../../shared';
import { CAMPAIGN, call, completeSet, rec, submission, useTestStorage } from './helpers';

const env = useTestStorage();

const send = (month: string, records: ReturnType<typeof rec>[], query: Record<string, string> = {}, key = env.keys.guizhou) =>
  call('submissions-create', { key, body: submission('guizhou', month, records), query });
const aggregate = async (month: string): Promise<AggregateResponse> => (await call('aggregate', { key: env.keys.central, query: { campaignId: CAMPAIGN, month } })).json;
const guizhou = (agg: AggregateResponse) => agg.provinces.find((p) => p.provinceId === 'guizhou')!;
const bijie = (agg: AggregateResponse) => agg.points.find((p) => p.liaisonPointId === 'guizhou-bijie')!;

/** Five November records at 毕节: the three required ones and two optional. */
const november = [
  ...completeSet('guizhou-bijie', '2017-11'),
  rec(5, 'guizhou-bijie', '2017-11-22', 'grassroots-visit'),
  rec(6, 'guizhou-bijie', '2017-11-25', 'authority-liaison'),
];

async function table4Row(month: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await rawReport(month));
  for (const ws of wb.worksheets) {
    let caption = false;
    let found: unknown[] | null = null;
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.some((v) => typeof v === 'string' && v.startsWith('表4'))) caption = true;
      else if (caption && !found && values[1] === '贵州省') found = values;
    });
    if (found) return found;
  }
  throw new Error('表4 has no row for 贵州省');
}

/** The report workbook's bytes (the `call` helper decodes bodies as text). */
async function rawReport(month: string): Promise<ArrayBuffer> {
  const route = routes.find((r) => r.name === 'report-monthly')!;
  const query = { campaignId: CAMPAIGN, month, format: 'xlsx' };
  const request = new HttpRequest({ method: 'GET', url: `http://localhost/api/reports/monthly?${new URLSearchParams(query)}`, headers: { 'x-api-key': env.keys.central }, query });
  const res = await routeHandler(route)(request, new InvocationContext({ functionName: 'report', invocationId: 't' }));
  expect(res.status).toBe(200);
  const bytes = res.body as Uint8Array;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('scenario 1: November, then a correction of May', () => {
  test("November's aggregate, report and 表4 stay as they were; May's is updated", async () => {
    expect((await send('2017-11', november)).status).toBe(201);
    const before = await aggregate('2017-11');
    expect((await send('2017-05', [rec(2, 'guizhou-bijie', '2017-05-03', 'lecture')])).status).toBe(201);

    const after = await aggregate('2017-11');
    expect(guizhou(after)).toMatchObject({ submitted: true, version: 1, snapshot: { month: '2017-11', version: 1, recordCount: 5 } });
    expect(after.records.filter((r) => r.provinceId === 'guizhou')).toHaveLength(5);
    expect(bijie(after)).toMatchObject({ complete: true, missing: [] });
    expect(after.points).toEqual(before.points);

    const report = (await call('report-monthly', { key: env.keys.central, query: { campaignId: CAMPAIGN, month: '2017-11' } })).json;
    expect(report.provinces.find((p: { provinceId: string }) => p.provinceId === 'guizhou')).toMatchObject({ version: 1, recordCount: 5, snapshotLabel: null });
    expect(JSON.stringify(report.narrative)).toContain('毕节');
    const row = await table4Row('2017-11');
    // 序号, 省级组织, 报送状态, 报送日期, 版本, 记录数, 有误记录
    expect([row[4], row[5]]).toEqual([1, 5]);

    const may = await aggregate('2017-05');
    expect(guizhou(may)).toMatchObject({ submitted: true, version: 2, snapshot: { month: '2017-05', version: 2, recordCount: 1 } });
    expect(bijie(may).missing).toEqual(['symposium-or-branch-meeting', 'veteran-visit']);
  });

  test('a month without its own submission names the earlier snapshot it reads, in JSON and 表4 alike', async () => {
    await send('2017-05', completeSet('guizhou-bijie'));
    const june = await aggregate('2017-06');
    expect(guizhou(june)).toMatchObject({ submitted: false, version: null, snapshot: { month: '2017-05', version: 1, recordCount: 3 } });
    const row = await table4Row('2017-06');
    expect([row[2], row[4], row[5]]).toEqual(['未报送', '2017年5月第1版', 3]);
  });
});

describe('scenario 2: nothing removed without a confirmation', () => {
  test('an empty and a shrinking submission are refused with 409 and the diff; confirmed they are stored; every version stays', async () => {
    const first = await send('2017-05', completeSet('guizhou-bijie'));
    expect(first.status).toBe(201);
    const v1 = first.json.submissionId as string;

    const empty = await send('2017-05', []);
    expect(empty.status).toBe(409);
    expect(empty.json.error).toMatchObject({
      code: 'would-remove-records',
      details: { confirm: v1, replaces: { submissionId: v1, month: '2017-05', version: 1, recordCount: 3 }, diff: { previousCount: 3, nextCount: 0, removedCount: 3 } },
    });
    expect(empty.json.error.message).toContain('清空');

    const shrinking = await send('2017-05', completeSet('guizhou-bijie').slice(0, 2));
    expect(shrinking.status).toBe(409);
    expect(shrinking.json.error.details.diff).toMatchObject({ removedCount: 1, addedCount: 0, unchanged: 2 });
    expect(shrinking.json.error.details.diff.removed[0]).toMatchObject({ type: 'veteran-visit', date: '2017-05-20' });

    // A confirmation naming another version does not count.
    expect((await send('2017-05', [], { confirm: `${CAMPAIGN}~guizhou~000009` })).status).toBe(409);
    const list1 = (await call('submissions-list', { key: env.keys.guizhou, query: { campaignId: CAMPAIGN, provinceId: 'guizhou' } })).json;
    expect(list1.submissions).toHaveLength(1);

    const confirmed = await send('2017-05', completeSet('guizhou-bijie').slice(0, 2), { confirm: v1 });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json).toMatchObject({ version: 2, month: '2017-05', replaces: { submissionId: v1, recordCount: 3 }, diff: { removedCount: 1 } });
    // Adding needs no confirmation.
    const grown = await send('2017-05', [...completeSet('guizhou-bijie'), rec(9, 'guizhou-bijie', '2017-05-28', 'grassroots-visit')]);
    expect(grown.status).toBe(201);
    expect(grown.json.diff).toMatchObject({ addedCount: 2, removedCount: 0 });

    const old = await call('submission-get', { key: env.keys.guizhou, path: `submissions/${v1}`, params: { id: v1 } });
    expect(old.json.records).toHaveLength(3);
    const list = (await call('submissions-list', { key: env.keys.guizhou, query: { campaignId: CAMPAIGN, provinceId: 'guizhou' } })).json;
    expect(list.months).toEqual([{ provinceId: 'guizhou', month: '2017-05', currentVersion: 3, versions: [3, 2, 1] }]);
    expect(list.submissions.map((s: { version: number; recordCount: number; current: boolean; submittedBy: string }) => [s.version, s.recordCount, s.current, s.submittedBy])).toEqual([
      [3, 4, true, 'province:guizhou'],
      [2, 2, false, 'province:guizhou'],
      [1, 3, false, 'province:guizhou'],
    ]);
    expect(list.submissions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await aggregate('2017-05')).records).toHaveLength(4);
  });

  test('the dry run answers the diff, completeness before and after and the issues, and stores nothing', async () => {
    const first = await send('2017-05', completeSet('guizhou-bijie'));
    const preview = await send('2017-05', [rec(2, 'guizhou-bijie', '2017-05-03', 'lecture', { participants: 40 }), rec(7, 'guizhou-bijie', '2016-12-01', 'symposium')], { dryRun: '1' });
    expect(preview.status).toBe(200);
    const body = preview.json as SubmissionPreview;
    expect(body).toMatchObject({
      dryRun: true,
      month: '2017-05',
      recordCount: 2,
      needsConfirmation: true,
      confirm: first.json.submissionId,
      duplicate: false,
      replaces: { version: 1, recordCount: 3 },
      diff: { previousCount: 3, nextCount: 2, changedCount: 1, removedCount: 2, addedCount: 1 },
      due: '2017-06-05',
    });
    expect(body.diff.changed[0].fields).toEqual(['participants']);
    expect(body.completeness.before.find((c) => c.liaisonPointId === 'guizhou-bijie')).toMatchObject({ complete: true });
    expect(body.completeness.after.find((c) => c.liaisonPointId === 'guizhou-bijie')).toMatchObject({ complete: false });
    expect(body.issues.length).toBeGreaterThan(0);
    const list = (await call('submissions-list', { key: env.keys.guizhou, query: { campaignId: CAMPAIGN, provinceId: 'guizhou' } })).json;
    expect(list.submissions).toHaveLength(1);
    // A first submission needs no confirmation.
    const fresh = await call('submissions-create', { key: env.keys.beijing, body: submission('beijing', '2017-05', []), query: { dryRun: '1' } });
    expect(fresh.json).toMatchObject({ needsConfirmation: false, replaces: null, confirm: null });
  });

  test("a 403 names the key's province and the one asked for", async () => {
    const res = await call('submissions-create', { key: env.keys.guizhou, body: submission('beijing', '2017-05', []) });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain('贵州省');
    expect(res.json.error.message).toContain('北京市');
    expect(res.json.error.details).toEqual({ keyProvinceId: 'guizhou', provinceId: 'beijing' });
  });
});
