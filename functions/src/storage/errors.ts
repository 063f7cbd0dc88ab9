// The storage SDKs throw RestError; these read the status the service answered.
function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'statusCode' in err
    ? (err as { statusCode?: number }).statusCode
    : undefined;
}

export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;
export const isConflict = (err: unknown): boolean => statusOf(err) === 409;
/** A stale ETag: someone else updated the entity since we read it. */
export const isPreconditionFailed = (err: unknown): boolean => statusOf(err) === 412;

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'REQUEST_SEND_ERROR']);

/** The storage service did not answer at all (down, unreachable). */
export function isUnreachable(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code?: unknown }).code) : '';
  return UNREACHABLE.has(code) || (statusOf(err) === undefined && err instanceof Error && err.name === 'RestError');
}
