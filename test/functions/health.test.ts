// Bug: GET /api/health made two storage calls per request (one always a 404, an exception on both
// sides): 469 requests/s where node:http answers 39,165. Liveness makes none; readiness is cached.
import { call, useTestStorage } from './helpers';

const env = useTestStorage();

test('liveness makes no storage call; readiness probes storage once for many calls', async () => {
  const probe = jest.spyOn(env.repo, 'health');
  const getEntity = jest.spyOn(env.repo.clients.keys, 'getEntity');
  for (let i = 0; i < 20; i++) expect((await call('health-live', {})).status).toBe(200);
  expect(probe).not.toHaveBeenCalled();
  const answers = await Promise.all(Array.from({ length: 50 }, () => call('health', {})));
  expect(answers.every((a) => a.status === 200 && a.json.storage.table && a.json.storage.blob)).toBe(true);
  expect(probe).toHaveBeenCalledTimes(1);
  // The probe is a one-entity query page, not a point read that answers 404.
  expect(getEntity).not.toHaveBeenCalled();
});
