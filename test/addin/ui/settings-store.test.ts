// Where the pane keeps the API key: the host's storage inside Office, local storage outside, never
// an error screen when storage is blocked, never the workbook. And downloads where the host has none.
import { DownloadUnavailableError, downloaderFor } from '../../../addin/src/services/download';
import { describeError } from '../../../addin/src/services/describe-error';
import { loadSettings, saveSettings, STORAGE_KEY } from '../../../addin/src/services/settings';
import { guardedStore, openPaneStore, type AsyncStorage } from '../../../addin/src/services/settings-store';

function memoryLocal() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

function officeRuntime() {
  const entries = new Map<string, string>();
  const storage: AsyncStorage = {
    getItem: async (k) => entries.get(k) ?? null,
    setItem: async (k, v) => void entries.set(k, v),
  };
  return { storage, entries };
}

const settings = { apiUrl: 'https://tracker.example.org', apiKey: 'k-guizhou', provinceId: 'guizhou' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pane settings storage', () => {
  // Bug: localStorage in Excel on the web's third-party iframe can throw (cookies blocked): the pane showed only an error.
  it('survives a localStorage that throws: kept for the session in memory', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    const store = guardedStore(() => blocked);
    expect(store.persistence).toBe('memory');
    saveSettings(store, settings);
    expect(loadSettings(store)).toEqual(settings);
    const noWindowStorage = guardedStore(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(loadSettings(noWindowStorage).apiKey).toBe('');
  });

  // Bug: Safari/Edge partitioning can clear localStorage inside Excel on the web: the key was lost.
  it('inside Office keeps settings in OfficeRuntime.storage, taking over what localStorage had', async () => {
    const local = memoryLocal();
    local.setItem(STORAGE_KEY, JSON.stringify(settings));
    const { storage, entries } = officeRuntime();
    const store = await openPaneStore({ OfficeRuntime: { storage }, localStorage: local }, 'excel', [STORAGE_KEY]);
    expect(store.persistence).toBe('office');
    expect(loadSettings(store)).toEqual(settings);
    saveSettings(store, { ...settings, apiKey: 'k-new' });
    await flush();
    local.map.clear(); // the browser partition cleared
    const reopened = await openPaneStore({ OfficeRuntime: { storage }, localStorage: local }, 'excel', [STORAGE_KEY]);
    expect(loadSettings(reopened).apiKey).toBe('k-new');
    expect([...entries.keys()]).toEqual(['liaison-tracker.pane']);
  });

  it('outside Office, or without OfficeRuntime, uses local storage', async () => {
    const local = memoryLocal();
    const { storage } = officeRuntime();
    const browser = await openPaneStore({ OfficeRuntime: { storage }, localStorage: local }, 'browser', [STORAGE_KEY]);
    expect(browser.persistence).toBe('local');
    saveSettings(browser, settings);
    expect(local.getItem(STORAGE_KEY)).toContain('k-guizhou');
    const older = await openPaneStore({ localStorage: local }, 'excel', [STORAGE_KEY]);
    expect(older.persistence).toBe('local');
  });
});

describe('download where the host has none', () => {
  // Bug: Excel for Mac (WKWebView) saves nothing, yet the pane said 已下载 (office-js #2700).
  it('refuses with the reason and the browser route on Mac; saves elsewhere', () => {
    const save = jest.fn();
    const mac = downloaderFor({ canDownload: false }, 'https://tracker.example.org/index.html', save);
    let thrown: unknown;
    try {
      mac(new Blob(['x']), '2017年05月月报.xlsx');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DownloadUnavailableError);
    expect(save).not.toHaveBeenCalled();
    expect(describeError(thrown, 'zh')).toContain('https://tracker.example.org/index.html');
    expect(describeError(thrown, 'en')).toContain('was not saved');
    downloaderFor({ canDownload: true }, '', save)(new Blob(['x']), 'a.xlsx');
    expect(save).toHaveBeenCalledTimes(1);
  });
});
