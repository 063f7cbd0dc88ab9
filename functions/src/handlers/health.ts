// GET /api/health — no key; says whether storage answers.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { json } from '../http/responses';
import { getRepository } from '../services';

export async function health(_request: HttpRequest): Promise<HttpResponseInit> {
  const repo = getRepository();
  await repo.ensure().catch(() => undefined);
  const storage = await repo.health();
  const up = storage.table && storage.blob;
  return json(up ? 200 : 503, {
    status: up ? 'ok' : 'degraded',
    message: up ? '服务正常。' : '存储服务无响应。',
    messageEn: up ? 'Service is up.' : 'Storage does not answer.',
    storage,
  });
}
