// Shared by the functions tests: a repository on a test's own tables, calls through the route
// table with the library's HttpRequest/InvocationContext, and records to submit.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { TrackerRecord, TypeCode } from '../../shared';
import { createKey } from '../../functions/src/keys';
import { routeHandler, routes } from '../../functions/src/routes';
import { useRepository } from '../../functions/src/services';
import { openStorage } from '../../functions/src/storage/clients';
import { Repository } from '../../functions/src/storage/repository';
import { startAzurite, uniquePrefix } from '../support';

export const CAMPAIGN = '2017-batch-4';

export async function testRepository(connectionString: string): Promise<Repository> {
  const repo = new Repository(openStorage({ connectionString, prefix: uniquePrefix() }));
  await repo.ensure();
  useRepository(repo);
  return repo;
}

export interface TestKeys {
  central: string;
  guizhou: string;
  beijing: string;
}

export async function testKeys(repo: Repository): Promise<TestKeys> {
  const [central, guizhou, beijing] = await Promise.all([
    createKey(repo, { role: 'central' }),
    createKey(repo, { role: 'province', provinceId: 'guizhou' }),
    createKey(repo, { role: 'province', provinceId: 'beijing' }),
  ]);
  return { central, guizhou, beijing };
}

/**
 * Azurite for the enclosing file or describe block, and before each test a repository on the test's
 * own tables (the one the handlers use) with a central key and two province keys. Read the fields
 * inside tests: they are set by the hooks.
 */
export function useTestStorage(): { readonly repo: Repository; readonly keys: TestKeys } {
  let azurite: Awaited<ReturnType<typeof startAzurite>>;
  const env = {} as { repo: Repository; keys: TestKeys };
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(() => azurite.stop());
  beforeEach(async () => {
    env.repo = await testRepository(azurite.connectionString);
    env.keys = await testKeys(env.repo);
  });
  return env;
}

export function rec(row: number, liaisonPointId: string | null, date: string | null, type: TypeCode | null, extra: Partial<TrackerRecord> = {}): TrackerRecord {
  return {
    row,
    liaisonPointId,
    date,
    type,
    leader: '王副主席',
    title: `活动${row}`,
    participants: 30,
    summary: null,
    publication: type === 'lecture' ? '会刊刊发' : null,
    materials: null,
    filledBy: null,
    remarks: null,
    ...extra,
  };
}

/** Lecture, symposium and veteran visit at one point: all requirements met. */
export function completeSet(pointId: string, month = '2017-05', firstRow = 2): TrackerRecord[] {
  return [
    rec(firstRow, pointId, `${month}-03`, 'lecture'),
    rec(firstRow + 1, pointId, `${month}-10`, 'symposium'),
    rec(firstRow + 2, pointId, `${month}-20`, 'veteran-visit'),
  ];
}

export interface Call {
  status: number;
  /** Tests read arbitrary answers, error bodies and successes alike. */
  json: any;
  headers: Record<string, string>;
  logs: { level: string; args: unknown[] }[];
}

/** A parsed JSON answer, as the tests read it. */
export type Answer = Call['json'];

export async function call(
  name: string,
  init: { method?: string; path?: string; key?: string; body?: unknown; bytes?: Uint8Array; contentType?: string; query?: Record<string, string>; params?: Record<string, string> },
): Promise<Call> {
  const route = routes.find((r) => r.name === name);
  if (!route) throw new Error(`no route ${name}`);
  const headers: Record<string, string> = {};
  if (init.key) headers['x-api-key'] = init.key;
  let body: { string?: string; bytes?: Uint8Array } | undefined;
  if (init.bytes) body = { bytes: init.bytes };
  else if (typeof init.body === 'string') body = { string: init.body };
  else if (init.body !== undefined) body = { string: JSON.stringify(init.body) };
  if (body) headers['content-type'] = init.contentType ?? 'application/json';
  const query = new URLSearchParams(init.query ?? {}).toString();
  const request = new HttpRequest({
    method: init.method ?? route.methods[0],
    url: `http://localhost/api/${init.path ?? route.route}${query ? `?${query}` : ''}`,
    headers,
    query: init.query,
    params: init.params,
    body,
  });
  const logs: Call['logs'] = [];
  const context = new InvocationContext({ functionName: name, invocationId: 'test', logHandler: (level, ...args) => logs.push({ level, args }) });
  const res: HttpResponseInit = await routeHandler(route)(request, context);
  const text = typeof res.body === 'string' ? res.body : res.body instanceof Uint8Array ? new TextDecoder().decode(res.body) : '';
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status ?? 200, json, headers: (res.headers ?? {}) as Record<string, string>, logs };
}

export const submission = (provinceId: string, month: string, records: TrackerRecord[]) => ({
  campaignId: CAMPAIGN,
  provinceId,
  month,
  records,
});
