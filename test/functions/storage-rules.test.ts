// Azure's storage rules, enforced by our code because Azurite would let us break them.
import fc from 'fast-check';
import { decodeKeyPart, keyPart, tableKey } from '../../functions/src/storage/table-keys';
import { assertTransaction, MAX_TRANSACTION_BYTES, planTransactions, type Entity } from '../../functions/src/storage/transactions';
import { fromChunks, MAX_TEXT_CHARS, toChunks } from '../../functions/src/storage/text-chunks';
import { rec, useTestStorage } from './helpers';

const entities = (n: number, pk = 'p', size = 10): Entity[] =>
  Array.from({ length: n }, (_, i) => ({ partitionKey: pk, rowKey: String(i).padStart(6, '0'), d: 'x'.repeat(size) }));

describe('transaction planning', () => {
  test('at most 100 entities per transaction', () => {
    expect(planTransactions(entities(250)).map((b) => b.length)).toEqual([100, 100, 50]);
    expect(planTransactions(entities(100)).map((b) => b.length)).toEqual([100]);
    expect(planTransactions([])).toEqual([]);
  });

  test('mixed partitions are refused, not split silently', () => {
    expect(() => planTransactions([...entities(3, 'a'), ...entities(3, 'b')])).toThrow(/one partition/);
    expect(() => assertTransaction([...entities(3, 'a'), ...entities(3, 'b')])).toThrow(/one partition/);
    expect(() => assertTransaction(entities(101))).toThrow(/1–100/);
    expect(() => assertTransaction([])).toThrow(/1–100/);
  });

  test('large entities are split to stay under 4 MiB', () => {
    const batches = planTransactions(entities(40, 'p', 200_000));
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      expect(batch.reduce((s, e) => s + JSON.stringify(e).length * 2, 0)).toBeLessThanOrEqual(MAX_TRANSACTION_BYTES);
      expect(() => assertTransaction(batch)).not.toThrow();
    }
    expect(batches.flat()).toHaveLength(40);
  });
});

describe('keys and long texts', () => {
  test('ids never put / \\ # ? or our separator into a key, and decode back', () => {
    expect(keyPart('a/b\\c#d?e~f%g')).not.toMatch(/[/\\#?~]/);
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (id) => {
        const k = keyPart(id);
        expect(k).not.toMatch(/[/\\#?~\u0000-\u001f]/);
        expect(decodeKeyPart(k)).toBe(id);
      }),
    );
    expect(() => tableKey('x'.repeat(1025))).toThrow(RangeError);
  });

  test('long JSON spreads over properties of at most 30,000 characters and reads back', () => {
    const text = '汉'.repeat(100_000);
    const props = toChunks('d', text);
    expect(Object.keys(props)).toEqual(['d', 'd1', 'd2', 'd3']);
    expect(Object.values(props).every((v) => v.length <= 30_000)).toBe(true);
    expect(fromChunks('d', props)).toBe(text);
    expect(fromChunks('d', toChunks('d', ''))).toBe('');
    expect(() => toChunks('d', 'x'.repeat(MAX_TEXT_CHARS + 1))).toThrow(RangeError);
  });
});

describe('on Azurite', () => {
  const env = useTestStorage();

  test('a 250-record snapshot goes out as single-partition transactions of ≤ 100 and reads back in order', async () => {
    const sent: { partitions: Set<string>; size: number }[] = [];
    const original = env.repo.clients.records.submitTransaction.bind(env.repo.clients.records);
    jest.spyOn(env.repo.clients.records, 'submitTransaction').mockImplementation((actions) => {
      sent.push({ partitions: new Set(actions.map((a) => a[1].partitionKey)), size: actions.length });
      return original(actions);
    });
    const records = Array.from({ length: 250 }, (_, i) => ({ record: rec(i + 2, 'guizhou-bijie', '2017-05-01', 'symposium'), issues: [] }));
    await env.repo.writeRecords('c~p~000001', records);
    expect(sent.map((s) => s.size).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(sent.every((s) => s.partitions.size === 1 && s.partitions.has('c~p~000001'))).toBe(true);
    const back = await env.repo.readRecords('c~p~000001');
    expect(back.map((r) => r.record.row)).toEqual(records.map((r) => r.record.row));
  });

  test('repository.transact refuses a mixed-partition batch before anything is sent', async () => {
    const spy = jest.spyOn(env.repo.clients.records, 'submitTransaction');
    await expect(env.repo.transact([...entities(2, 'a'), ...entities(2, 'b')])).rejects.toThrow(/one partition/);
    expect(spy).not.toHaveBeenCalled();
  });

  test('a record with a 32,000-character summary (Excel\'s cell limit) is stored whole', async () => {
    const long = rec(2, 'guizhou-bijie', '2017-05-01', 'symposium', { summary: '情'.repeat(32_000) });
    await env.repo.writeRecords('c~p~000002', [{ record: long, issues: [] }]);
    expect((await env.repo.readRecords('c~p~000002'))[0].record.summary).toBe(long.summary);
  });
});
