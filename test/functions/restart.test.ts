// Azurite stopped and started again on its persisted data: nothing is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey } from '../../functions/src/keys';
import { openStorage } from '../../functions/src/storage/clients';
import { Repository } from '../../functions/src/storage/repository';
import { useRepository } from '../../functions/src/services';
import { startAzurite, uniquePrefix } from '../support';
import { CAMPAIGN, call, completeSet, submission, testKeys } from './helpers';

test('submissions, records, payloads, keys and the campaign survive a restart', async () => {
  const location = mkdtempSync(join(tmpdir(), 'azurite-restart-'));
  const prefix = uniquePrefix();
  const open = (connectionString: string) => {
    const repo = new Repository(openStorage({ connectionString, prefix }));
    useRepository(repo);
    return repo;
  };
  try {
    let azurite = await startAzurite({ location });
    const repo = open(azurite.connectionString);
    await repo.ensure();
    const keys = await testKeys(repo);
    const sent = await call('submissions-create', { key: keys.guizhou, body: submission('guizhou', '2017-05', completeSet('guizhou-bijie')) });
    expect(sent.status).toBe(201);
    const before = await call('aggregate', { key: keys.central, query: { campaignId: CAMPAIGN, month: '2017-05' } });
    await azurite.stop();

    azurite = await startAzurite({ location });
    try {
      const again = open(azurite.connectionString);
      expect(await again.findKey(hashKey(keys.guizhou))).toEqual({ role: 'province', provinceId: 'guizhou' });
      const after = await call('aggregate', { key: keys.central, query: { campaignId: CAMPAIGN, month: '2017-05' } });
      expect(after.status).toBe(200);
      expect(after.json).toEqual(before.json);
      const original = await call('submission-original', { key: keys.guizhou, params: { id: sent.json.submissionId } });
      expect(original.json.records).toEqual(completeSet('guizhou-bijie'));
      const resent = await call('submissions-create', { key: keys.guizhou, body: submission('guizhou', '2017-05', completeSet('guizhou-bijie')) });
      expect(resent.json).toMatchObject({ duplicate: true, version: 1 });
    } finally {
      await azurite.stop();
    }
  } finally {
    rmSync(location, { recursive: true, force: true });
  }
});
