// Bench section: the API's submission path (HTTP → validation → versioned storage) for 12
// provinces × 1,000 records against writing the same entities straight through
// @azure/data-tables, in the same run on the same Azurite; then the aggregate of 100,000 records.
import { TableClient } from '@azure/data-tables';
import { DEFAULT_CAMPAIGN, TYPE_CODES, type TrackerRecord } from '../shared';
import { pad2 } from '../shared/cells';
import { planTransactions, type Entity } from '../functions/src/storage/transactions';
import { toChunks } from '../functions/src/storage/text-chunks';
import { padded } from '../functions/src/storage/table-keys';
import { startStack, type LocalStack } from '../scripts/local-stack';
import { median, timeMs, type BenchSection } from './section';

const CAMPAIGN = DEFAULT_CAMPAIGN.id;
const ROUNDS = 3;
/** The submission path's parallel transactions per submission, matched by the raw baseline. */
const CONCURRENCY = 4;

function records(pointId: string, count: number, salt: number): TrackerRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    liaisonPointId: pointId,
    date: `2017-${pad2((i % 5) + 1)}-${pad2((i % 28) + 1)}`,
    type: TYPE_CODES[i % 8],
    leader: '王副主席',
    title: `第${salt}轮 活动${i}：不忘合作初心，继续携手前进`,
    participants: 20 + (i % 60),
    summary: '围绕基层组织建设和参政议政工作开展交流，听取会员意见建议。',
    publication: i % 8 === 0 ? '会刊刊发' : null,
    materials: '照片、签到表',
    filledBy: '省委办公室',
    remarks: null,
  }));
}

async function submit(stack: LocalStack, provinceId: string, month: string, list: TrackerRecord[]): Promise<void> {
  const res = await fetch(`${stack.baseUrl}/api/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.provinces[provinceId] },
    body: JSON.stringify({ campaignId: CAMPAIGN, provinceId, month, records: list }),
  });
  if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${await res.text()}`);
}

async function aggregate(stack: LocalStack, month: string): Promise<{ records: number; bytes: number }> {
  const res = await fetch(`${stack.baseUrl}/api/aggregate?campaignId=${CAMPAIGN}&month=${month}`, { headers: { 'x-api-key': stack.keys.central } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`aggregate answered ${res.status}: ${text.slice(0, 200)}`);
  return { records: (JSON.parse(text) as { records: unknown[] }).records.length, bytes: text.length };
}

/** The same entities the repository writes (one per record, one partition per version), written bare. */
async function rawWrite(table: TableClient, partition: string, list: TrackerRecord[]): Promise<void> {
  const entities: Entity[] = list.map((r, i) => ({ partitionKey: partition, rowKey: padded(i + 1), ...toChunks('d', JSON.stringify({ r, i: [] })) }));
  const batches = planTransactions(entities);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      await table.submitTransaction(batch.map((e) => ['create', e]));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export const functionsSection: BenchSection = {
  name: 'functions: submissions on Azurite',
  async run(print) {
    const stack = await startStack({ prefix: `bench${Date.now().toString(36)}`, port: 0, azurite: {}, quiet: true });
    try {
      const raw = TableClient.fromConnectionString(stack.azurite.connectionString, `bench${Date.now().toString(36)}Raw`, { allowInsecureConnection: true });
      await raw.createTable();
      const points = DEFAULT_CAMPAIGN.points;
      const ours: number[] = [];
      const bare: number[] = [];
      const aggregates: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const sets = points.map((p) => ({ provinceId: p.provinceId, list: records(p.id, 1_000, round) }));
        bare.push(await timeMs(() => Promise.all(sets.map((s) => rawWrite(raw, `r${round}~${s.provinceId}`, s.list)))));
        ours.push(await timeMs(() => Promise.all(sets.map((s) => submit(stack, s.provinceId, '2017-05', s.list)))));
        aggregates.push(await timeMs(() => aggregate(stack, '2017-05')));
      }
      const ratio = median(ours) / median(bare);
      print(`12 provinces × 1,000 records (median of ${ROUNDS} rounds):`);
      print(`  API submissions (HTTP + validation + versioned storage): ${median(ours).toFixed(0)} ms`);
      print(`  raw @azure/data-tables transactions, same entities:       ${median(bare).toFixed(0)} ms`);
      print(`  ratio: ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
      print(`  aggregate of the 12,000 current records: ${median(aggregates).toFixed(0)} ms`);

      // 100,000 current records: 10 provinces × 10,000 (a submission holds at most 20,000).
      const big = DEFAULT_CAMPAIGN.points.slice(0, 10);
      const submitBig = await timeMs(() => Promise.all(big.map((p) => submit(stack, p.provinceId, '2017-06', records(p.id, 10_000, 99)))));
      let size = { records: 0, bytes: 0 };
      const agg = await timeMs(async () => {
        size = await aggregate(stack, '2017-06');
      });
      print(`100,000 records: submitted in ${(submitBig / 1000).toFixed(1)} s; aggregate of ${size.records.toLocaleString('en')} current records in ${agg.toFixed(0)} ms (${(size.bytes / 1024 / 1024).toFixed(1)} MiB JSON)`);
    } finally {
      await stack.stop();
    }
  },
};
