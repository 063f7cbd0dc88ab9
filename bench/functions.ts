// Bench section: the API's submission path (HTTP → validation → versioned storage) for 12
// provinces × 1,000 records against writing the same entities straight through
// @azure/data-tables, in the same run on the same Azurite, interleaved; then the aggregate of
// 100,000 records (full and lean), /api/health throughput, and the cost of a durable ack (flushing
// a persisted Azurite before answering).
import { TableClient } from '@azure/data-tables';
import { DEFAULT_CAMPAIGN, TYPE_CODES, type TrackerRecord } from '../shared';
import { pad2 } from '../shared/cells';
import { planTransactions, type Entity } from '../functions/src/storage/transactions';
import { toChunks } from '../functions/src/storage/text-chunks';
import { padded } from '../functions/src/storage/table-keys';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type LocalStack } from '../scripts/local-stack';
import { median, timeMs, type BenchSection } from './section';

const CAMPAIGN = DEFAULT_CAMPAIGN.id;
const ROUNDS = 5;

const spread = (values: number[]) =>
  `min ${Math.min(...values).toFixed(0)} / median ${median(values).toFixed(0)} / max ${Math.max(...values).toFixed(0)} ms`;
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

/** Stores a submission; `replaces` confirms the version it replaces (each round's records are new,
 *  so the previous round's are removed — a correction the office confirmed). Its id comes back. */
async function submit(stack: LocalStack, provinceId: string, month: string, list: TrackerRecord[], replaces?: string): Promise<string> {
  const confirm = replaces ? `?confirm=${encodeURIComponent(replaces)}` : '';
  const res = await fetch(`${stack.baseUrl}/api/submissions${confirm}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.provinces[provinceId] },
    body: JSON.stringify({ campaignId: CAMPAIGN, provinceId, month, records: list }),
  });
  if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return ((await res.json()) as { submissionId: string }).submissionId;
}

async function aggregate(stack: LocalStack, month: string, view = 'full'): Promise<{ records: number; bytes: number }> {
  const res = await fetch(`${stack.baseUrl}/api/aggregate?campaignId=${CAMPAIGN}&month=${month}&view=${view}`, { headers: { 'x-api-key': stack.keys.central } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`aggregate answered ${res.status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { records?: unknown[]; recordCount?: number };
  return { records: body.records?.length ?? body.recordCount ?? 0, bytes: text.length };
}

/** Requests per second of `path`, 20 at a time for `ms`. */
async function throughput(url: string, ms = 2_000): Promise<number> {
  let done = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (performance.now() < until) {
        await (await fetch(url)).arrayBuffer();
        done++;
      }
    }),
  );
  return done / (ms / 1000);
}

/** One small submission per round on a persisted stack: answered after a flush of Azurite's databases. */
async function durableAcks(print: (line: string) => void): Promise<void> {
  const location = mkdtempSync(join(tmpdir(), 'bench-durable-'));
  const stack = await startStack({ prefix: `bench${Date.now().toString(36)}D`, port: 0, azurite: { location, tablePort: 0, blobPort: 0 }, quiet: true });
  try {
    await submit(stack, 'guizhou', '2017-07', records('guizhou-bijie', 5_000, 1));
    const acks: number[] = [];
    const flushes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      acks.push(await timeMs(() => submit(stack, 'beijing', '2017-07', records('beijing-haidian', 10, 100 + i))));
      flushes.push(await timeMs(() => stack.azurite.flush()));
    }
    print(`durable ack on a persisted Azurite holding 5,000 records: small submission ${spread(acks)}; the flush alone ${spread(flushes)}`);
  } finally {
    await stack.stop();
    rmSync(location, { recursive: true, force: true });
  }
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
      const current: Record<string, string> = {};
      for (let round = 1; round <= ROUNDS; round++) {
        const sets = points.map((p) => ({ provinceId: p.provinceId, list: records(p.id, 1_000, round) }));
        const rawRound = () => timeMs(() => Promise.all(sets.map((s) => rawWrite(raw, `r${round}~${s.provinceId}`, s.list))));
        const apiRound = () =>
          timeMs(() => Promise.all(sets.map(async (s) => (current[s.provinceId] = await submit(stack, s.provinceId, '2017-05', s.list, current[s.provinceId])))));
        // Interleaved, taking turns at going first, so drift and GC hit both alike.
        if (round % 2) {
          bare.push(await rawRound());
          ours.push(await apiRound());
        } else {
          ours.push(await apiRound());
          bare.push(await rawRound());
        }
        aggregates.push(await timeMs(() => aggregate(stack, '2017-05')));
      }
      const ratio = median(ours) / median(bare);
      print(`12 provinces × 1,000 records, ${ROUNDS} interleaved rounds:`);
      print(`  API submissions (HTTP + validation + versioned storage): ${spread(ours)}`);
      print(`  raw @azure/data-tables transactions, same entities:       ${spread(bare)}`);
      print(`  ratio of medians: ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
      print(`  aggregate of the 12,000 current records: ${spread(aggregates)}`);
      const live = await throughput(`${stack.baseUrl}/api/health/live`);
      const ready = await throughput(`${stack.baseUrl}/api/health`);
      print(`  /api/health/live ${live.toFixed(0)} req/s, /api/health (readiness cached 5 s) ${ready.toFixed(0)} req/s`);

      // 100,000 current records: 10 provinces × 10,000 (a submission holds at most 20,000).
      const big = DEFAULT_CAMPAIGN.points.slice(0, 10);
      const submitBig = await timeMs(() => Promise.all(big.map((p) => submit(stack, p.provinceId, '2017-06', records(p.id, 10_000, 99), current[p.provinceId]))));
      let size = { records: 0, bytes: 0 };
      const agg = await timeMs(async () => {
        size = await aggregate(stack, '2017-06');
      });
      print(`100,000 records: submitted in ${(submitBig / 1000).toFixed(1)} s; aggregate of ${size.records.toLocaleString('en')} current records in ${agg.toFixed(0)} ms (${(size.bytes / 1024 / 1024).toFixed(1)} MiB JSON)`);
      const lean = await aggregate(stack, '2017-06', 'lean');
      print(`  lean aggregate (no records; records paged): ${(lean.bytes / 1024).toFixed(1)} KiB JSON`);
    } finally {
      await stack.stop();
    }
    await durableAcks(print);
  },
};
