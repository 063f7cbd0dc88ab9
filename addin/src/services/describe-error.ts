// Turns anything a handler throws into one sentence in the user's language. Our own errors (shared/,
// xlsx/, the API) carry a Chinese message and an English one; office.js errors carry English only.
import { ApiFailure } from './api-client';
import { bilingual, translate, type Lang, type MessageKey } from '../i18n';

export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof ApiFailure) return describeApiFailure(error, lang);
  if (isAbort(error)) return translate(lang, 'common.cancelled');
  if (error instanceof Error) {
    const { messageEn, code } = error as Error & { messageEn?: unknown; code?: unknown };
    if (typeof messageEn === 'string') return bilingual(lang, error.message, messageEn);
    const known = typeof code === 'string' ? OFFICE_ERRORS[code] : undefined;
    if (known) return translate(lang, known);
    return translate(lang, 'error.unexpected', { message: error.message });
  }
  return translate(lang, 'error.unexpected', { message: String(error) });
}

/** office.js errors (OfficeExtension.Error.code) that staff meet and can fix themselves. */
const OFFICE_ERRORS: Record<string, MessageKey> = {
  InvalidOperationInCellEditMode: 'error.cellEditMode',
  AccessDenied: 'error.protected',
  RequestPayloadSizeLimitExceeded: 'error.payloadTooLarge',
  ItemNotFound: 'error.itemNotFound',
};

function describeApiFailure(failure: ApiFailure, lang: Lang): string {
  switch (failure.code) {
    case 'offline':
      return translate(lang, 'error.offline', { url: failure.url });
    case 'unauthorized':
      return translate(lang, 'error.unauthorized');
    case 'forbidden':
      // The server names the key's province and the one asked for.
      return failure.serverMessage ? bilingual(lang, failure.serverMessage.zh, failure.serverMessage.en) : translate(lang, 'error.forbidden');
    case 'too-large':
      return translate(lang, 'error.tooLarge');
    case 'server':
      return translate(lang, 'error.server', { status: failure.status ?? '' });
    case 'conflict':
    case 'bad-request': {
      const message = failure.serverMessage
        ? bilingual(lang, failure.serverMessage.zh, failure.serverMessage.en)
        : String(failure.status);
      return translate(lang, 'error.badRequest', { status: failure.status ?? '', message });
    }
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
