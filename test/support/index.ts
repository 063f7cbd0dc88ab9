// Real Azurite and the real local API for tests: in memory, on free ports, with their own tables.
import { randomBytes } from 'node:crypto';
import { startAzurite as start, type Azurite } from '../../scripts/azurite';
import { startStack, type StackKeys } from '../../scripts/local-stack';

/** A table prefix no other test uses. */
export const uniquePrefix = (): string => `t${randomBytes(6).toString('hex')}`;

export async function startAzurite(options: { location?: string } = {}): Promise<Pick<Azurite, 'connectionString' | 'stop'>> {
  return start({ location: options.location });
}

export interface TestStack {
  /** e.g. http://127.0.0.1:41234; the API is under `${baseUrl}/api`. */
  baseUrl: string;
  keys: StackKeys;
  stop(): Promise<void>;
}

/** Azurite + the local host on port 0, with a central key and one key per province. */
export async function startLocalStack(): Promise<TestStack> {
  const stack = await startStack({ prefix: uniquePrefix(), port: 0, azurite: { tablePort: 0, blobPort: 0 }, quiet: true });
  return { baseUrl: stack.baseUrl, keys: stack.keys, stop: stack.stop };
}
