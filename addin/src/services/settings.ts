// The user's connection settings live in the add-in's local storage (per machine and user), never in the
// workbook: workbooks get e-mailed around, and a key in one would let anyone submit for the province.

export interface Settings {
  /** API base address, e.g. https://tracker.example.org; empty = this page's own origin (`/api`). */
  apiUrl: string;
  apiKey: string;
  provinceId: string;
}

export const STORAGE_KEY = 'liaison-tracker.settings';
const EMPTY: Settings = { apiUrl: '', apiKey: '', provinceId: '' };

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadSettings(store: KeyValueStore): Settings {
  const raw = store.getItem(STORAGE_KEY);
  if (!raw) return { ...EMPTY };
  try {
    const parsed = JSON.parse(raw) as Partial<Settings>;
    return {
      apiUrl: typeof parsed.apiUrl === 'string' ? parsed.apiUrl : '',
      apiKey: typeof parsed.apiKey === 'string' ? parsed.apiKey : '',
      provinceId: typeof parsed.provinceId === 'string' ? parsed.provinceId : '',
    };
  } catch {
    // A corrupt entry (edited by hand) must not lock the user out: start empty.
    return { ...EMPTY };
  }
}

export function saveSettings(store: KeyValueStore, settings: Settings): void {
  store.setItem(STORAGE_KEY, JSON.stringify(settings));
}
