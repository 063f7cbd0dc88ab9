// The user's choice of 中文 / English, kept in local settings. The one place that reads or writes it.
import type { Lang } from '../i18n';
import type { KeyValueStore } from './settings';

const LANGUAGE_KEY = 'liaison-tracker.language';

/** The language the user picked, or null to follow Office's (or the browser's) display language. */
export function loadLanguage(store: KeyValueStore): Lang | null {
  const value = store.getItem(LANGUAGE_KEY);
  return value === 'zh' || value === 'en' ? value : null;
}

export function saveLanguage(store: KeyValueStore, lang: Lang): void {
  store.setItem(LANGUAGE_KEY, lang);
}
