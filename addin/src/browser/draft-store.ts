// Browser mode keeps the workbook being worked on in IndexedDB, so a reload (or a closed tab) loses
// nothing until the user downloads it or discards it. It never leaves the machine.

import type { ChangeKind } from '../pane-operations';

export interface Draft {
  fileName: string;
  bytes: Uint8Array;
  /** ISO instant of the last change. */
  savedAt: string;
  /** What the draft holds that was never downloaded, by kind (absent in drafts kept before it was recorded). */
  changes?: Partial<Record<ChangeKind, number>>;
}

export interface DraftStore {
  load(): Promise<Draft | null>;
  save(draft: Draft): Promise<void>;
  clear(): Promise<void>;
}

const DB_NAME = 'liaison-tracker';
const STORE = 'drafts';
const KEY = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function indexedDbDraftStore(factory: IDBFactory = indexedDB): DraftStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return db;
  };
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async load() {
      const value = (await request((await store('readonly')).get(KEY))) as Draft | undefined;
      return value ?? null;
    },
    async save(draft) {
      await request((await store('readwrite')).put(draft, KEY));
    },
    async clear() {
      await request((await store('readwrite')).delete(KEY));
    },
  };
}
