// API keys: random, shown once, stored only as their sha256.
import { createHash, randomBytes } from 'node:crypto';
import type { Principal, Repository } from './storage/repository';

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** Creates a key for the principal and returns it in plain text (the only time it exists as such). */
export async function createKey(repo: Repository, principal: Principal, label = ''): Promise<string> {
  const scope = principal.role === 'central' ? 'central' : principal.provinceId;
  const key = `lt_${scope}_${randomBytes(24).toString('base64url')}`;
  await repo.ensure();
  await repo.putKey(hashKey(key), principal, label);
  return key;
}

/** Revokes a key given in plain text; false when it was not a key. Processes that cached it stop
 *  accepting it within the auth cache's lifetime (a minute). */
export async function revokeKey(repo: Repository, key: string): Promise<boolean> {
  return repo.deleteKey(hashKey(key.trim()));
}

/** Stores a key that already exists in plain text (development keys kept in .dev-keys.json). */
export async function restoreKey(repo: Repository, key: string, principal: Principal, label = ''): Promise<void> {
  await repo.ensure();
  if (!(await repo.findKey(hashKey(key)))) await repo.putKey(hashKey(key), principal, label);
}
