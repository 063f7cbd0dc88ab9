// Reading a request body within a limit: refused from Content-Length when it is declared, else
// measured after reading (the local host also stops reading past the largest limit).
import type { HttpRequest } from '@azure/functions';
import { badRequest, tooLarge } from './responses';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function tooLargeFailure(limit: number, size: number) {
  return tooLarge(
    'body-too-large',
    `请求体过大：上限为 ${mib(limit)}。请拆分台账或删除多余的工作表后再报送。`,
    `Request body too large: the limit is ${mib(limit)}. Split the tracker or remove extra sheets and submit again.`,
    { limitBytes: limit, sizeBytes: size },
  );
}

export async function readBytes(request: HttpRequest, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLargeFailure(limit, declared);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLargeFailure(limit, bytes.byteLength);
  return bytes;
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
    );
  }
}
