// Where the pane keeps its settings (API address, key, province): never in the workbook (workbooks
// get e-mailed; Office.context.document.settings would travel with the file). Inside Office the
// add-in's own storage, OfficeRuntime.storage, where the host has it (Excel on the web's third-party
// iframe may block localStorage or partition and clear it); outside Office, localStorage. Every
// access is guarded: a store that throws degrades to memory for this session instead of an error
// screen. (Office.context.roamingSettings exists in Outlook only, so it is not an option in Excel.)
import type { KeyValueStore } from './settings';

/** OfficeRuntime.storage's shape (asynchronous, per add-in, kept by the host). */
export interface AsyncStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

/** A pane store: synchronous for the pane, with where it persists for the settings screen. */
export interface PaneStore extends KeyValueStore {
  readonly persistence: 'office' | 'local' | 'memory';
}

/** localStorage (or any synchronous store) that never throws: failures fall back to memory. */
export function guardedStore(open: () => KeyValueStore | null | undefined): PaneStore {
  const memory = new Map<string, string>();
  let store: KeyValueStore | null = null;
  try {
    store = open() ?? null;
    // Reading once tells whether access is blocked (a SecurityError with cookies off).
    store?.getItem('liaison-tracker.probe');
  } catch {
    store = null;
  }
  let persistence: PaneStore['persistence'] = store ? 'local' : 'memory';
  return {
    get persistence() {
      return persistence;
    },
    getItem(key) {
      if (memory.has(key)) return memory.get(key)!;
      try {
        return store?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      memory.set(key, value);
      try {
        store?.setItem(key, value);
      } catch {
        // Quota or blocked storage: kept for this session only.
        persistence = 'memory';
      }
    },
  };
}

/** One entry in the host's storage holds every key of the pane (read once at start). */
const OFFICE_ENTRY = 'liaison-tracker.pane';

/**
 * A synchronous store over OfficeRuntime.storage: loaded before the pane renders, written through
 * on every change (failures keep the value for the session). Values the pane kept in localStorage
 * before are taken over on first use so that nobody has to enter the key again.
 */
export async function officeStore(storage: AsyncStorage, legacy: KeyValueStore, keys: string[]): Promise<PaneStore> {
  const values = new Map<string, string>();
  try {
    const raw = await storage.getItem(OFFICE_ENTRY);
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') values.set(key, value);
  } catch {
    // Unreadable entry: start from what local storage still has.
  }
  for (const key of keys) {
    if (values.has(key)) continue;
    const old = legacy.getItem(key);
    if (old !== null) values.set(key, old);
  }
  let persistence: PaneStore['persistence'] = 'office';
  const save = () =>
    storage.setItem(OFFICE_ENTRY, JSON.stringify(Object.fromEntries(values))).catch(() => {
      persistence = 'memory';
    });
  return {
    get persistence() {
      return persistence;
    },
    getItem: (key) => values.get(key) ?? null,
    setItem(key, value) {
      values.set(key, value);
      void save();
    },
  };
}

/** The store for this pane: OfficeRuntime.storage inside Office when the host has it, else guarded localStorage. */
export async function openPaneStore(scope: { OfficeRuntime?: unknown; localStorage?: KeyValueStore }, mode: 'excel' | 'browser', keys: string[]): Promise<PaneStore> {
  const local = guardedStore(() => scope.localStorage);
  const runtime = (scope.OfficeRuntime as { storage?: AsyncStorage } | undefined)?.storage;
  if (mode === 'excel' && runtime && typeof runtime.getItem === 'function' && typeof runtime.setItem === 'function') {
    return officeStore(runtime, local, keys);
  }
  return local;
}
