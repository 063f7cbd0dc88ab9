// GET /api/health/live — no key, no storage call: the process answers.
// GET /api/health — no key; whether storage answers, probed at most once per READY_CACHE_MS
// (a probe per call made health cost two storage calls, one an exception on both sides).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { json } from '../http/responses';
import { getRepository } from '../services';
import type { Repository } from '../storage/repository';

const READY_CACHE_MS = 5_000;

let cached: { repo: Repository; at: number; probe: Promise<{ table: boolean; blob: boolean }> } | null = null;

function readiness(repo: Repository): Promise<{ table: boolean; blob: boolean }> {
  if (cached && cached.repo === repo && Date.now() - cached.at < READY_CACHE_MS) return cached.probe;
  const probe = repo
    .ensure()
    .catch(() => undefined)
    .then(() => repo.health());
  cached = { repo, at: Date.now(), probe };
  return probe;
}

export async function live(_request: HttpRequest): Promise<HttpResponseInit> {
  return json(200, { status: 'ok', message: '服务进程正常。', messageEn: 'The service process is up.' });
}

export async function health(_request: HttpRequest): Promise<HttpResponseInit> {
  const storage = await readiness(getRepository());
  const up = storage.table && storage.blob;
  return json(up ? 200 : 503, {
    status: up ? 'ok' : 'degraded',
    message: up ? '服务正常。' : '存储服务无响应。',
    messageEn: up ? 'Service is up.' : 'Storage does not answer.',
    storage,
  });
}
