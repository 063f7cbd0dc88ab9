// Reading a request body within a limit: refused from Content-Length when it is declared, and
// otherwise counted while it streams in, so the read stops (and the stream is cancelled) as soon
// as the limit is passed instead of after buffering everything. With HTTP streaming on (index.ts)
// this holds under the Functions host too; the local host also stops reading past a route's limit.
import type { HttpRequest } from '@azure/functions';
import { badRequest, tooLarge } from './responses';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export function tooLargeFailure(limit: number, size?: number) {
  return tooLarge(
    'body-too-large',
    `请求体过大：上限为 ${mib(limit)}。请拆分台账或删除多余的工作表后再报送。`,
    `Request body too large: the limit is ${mib(limit)}. Split the tracker or remove extra sheets and submit again.`,
    size === undefined ? { limitBytes: limit } : { limitBytes: limit, sizeBytes: size },
  );
}

export async function readBytes(request: HttpRequest, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLargeFailure(limit, declared);
  const stream = request.body;
  if (!stream) return new Uint8Array(0);
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      throw tooLargeFailure(limit);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

export async function readJson(request: HttpRequest, limit: number): Promise<{ value: unknown; bytes: Uint8Array }> {
  const bytes = await readBytes(request, limit);
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown, bytes };
  } catch (err) {
    throw badRequest(
      'invalid-json',
      `请求体不是有效的 JSON：${(err as Error).message}`,
      `The request body is not valid JSON: ${(err as Error).message}`,
      { path: '（请求体）' },
    );
  }
}
