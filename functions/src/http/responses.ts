// Every answer the API gives is built here, so status codes and the error shape stay one contract:
// `{ error: { code, message (zh), messageEn, details? } }`.
import type { HttpResponseInit } from '@azure/functions';
import type { ApiError } from '../../../shared/api';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A failure a handler throws; the route wrapper turns it into its HTTP answer. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

export const ok = (body: unknown): HttpResponseInit => json(200, body);
export const created = (body: unknown): HttpResponseInit => json(201, body);

export function binary(body: Uint8Array, contentType: string, fileName?: string): HttpResponseInit {
  // Stored uploads are served back: never let a browser sniff them into something else.
  const headers: Record<string, string> = { 'content-type': contentType, 'x-content-type-options': 'nosniff' };
  if (fileName) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return { status: 200, headers, body };
}

export function errorResponse(failure: ApiFailure): HttpResponseInit {
  return { status: failure.status, headers: { 'content-type': JSON_TYPE }, body: errorBody(failure) };
}

export const badRequest = (code: string, zh: string, en: string, details?: unknown): ApiFailure =>
  new ApiFailure(400, code, zh, en, details);
export const unauthorized = (code: string, zh: string, en: string): ApiFailure => new ApiFailure(401, code, zh, en);
export const forbidden = (code: string, zh: string, en: string, details?: unknown): ApiFailure =>
  new ApiFailure(403, code, zh, en, details);
export const notFound = (code: string, zh: string, en: string, details?: unknown): ApiFailure =>
  new ApiFailure(404, code, zh, en, details);
export const conflict = (code: string, zh: string, en: string, details?: unknown): ApiFailure =>
  new ApiFailure(409, code, zh, en, details);
export const methodNotAllowed = (method: string): ApiFailure =>
  new ApiFailure(405, 'method-not-allowed', `此地址不支持 ${method} 请求。`, `${method} is not allowed here.`, { method });
export const tooLarge = (code: string, zh: string, en: string, details?: unknown): ApiFailure =>
  new ApiFailure(413, code, zh, en, details);
export const unsupportedMedia = (zh: string, en: string, details?: unknown): ApiFailure =>
  new ApiFailure(415, 'unsupported-media-type', zh, en, details);

export const internalError = (): ApiFailure =>
  new ApiFailure(500, 'internal-error', '服务器内部错误，请稍后重试；如仍失败请联系管理员。', 'Internal server error; retry later, and contact the administrator if it persists.');

export const storageUnavailable = (): ApiFailure =>
  new ApiFailure(503, 'storage-unavailable', '存储服务暂时无法访问，请稍后重试。', 'Storage is unreachable right now; retry later.');

export const requestTimeout = (seconds: number): ApiFailure =>
  new ApiFailure(408, 'body-timeout', `请求体未能在 ${seconds} 秒内发送完毕，连接已关闭；请检查网络后重试。`, `The request body did not arrive within ${seconds} s; the connection was closed. Check the network and retry.`, { limitSeconds: seconds });

export const headersTooLarge = (): ApiFailure =>
  new ApiFailure(431, 'headers-too-large', '请求头或地址过长（上限 16 KiB）：长文字（如办公室意见）请放在 POST 请求体中。', 'Request headers or URL too long (16 KiB at most): send long text (such as remarks) in a POST body.');

export const originForbidden = (origin: string): ApiFailure =>
  new ApiFailure(403, 'origin-not-allowed', `来源「${origin}」不在允许列表中（LIAISON_CORS_ORIGINS）。`, `Origin "${origin}" is not on the allow-list (LIAISON_CORS_ORIGINS).`, { origin });

export const malformedRequest = (): ApiFailure =>
  new ApiFailure(400, 'http-malformed', '请求格式不正确，无法解析。', 'The request is not valid HTTP.');

/** The JSON error body alone (for answers written straight to a socket). */
export function errorBody(failure: ApiFailure): string {
  const body: ApiError = { error: { code: failure.code, message: failure.message, messageEn: failure.messageEn, details: failure.details } };
  return JSON.stringify(body);
}
