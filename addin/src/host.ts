// Which mode the pane runs in, decided without the network: Office opens the task pane with
// `_host_Info` in its address (office.js keeps it in sessionStorage when the pane navigates); a plain
// browser does not. Only inside Office is office.js fetched from Microsoft's CDN, so browser mode
// (WPS users, firewalled intranets) starts at once and offline. Inside Office the pane waits for
// Office.onReady as long as it takes: a slow Excel on the web is told to wait, never switched to
// browser mode.
export interface HostInfo {
  mode: 'excel' | 'browser';
  /** Office's display language in Excel, the browser's otherwise. */
  displayLanguage: string | null;
  /** The workbook's file name when Office knows it. */
  documentName: string | null;
  /** Office's platform (`PC`, `Mac`, `OfficeOnline`, `iOS`…) in Excel; null in a browser. */
  platform: string | null;
  /** False where the pane's web view saves nothing (Excel for Mac/iPad: WKWebView, office-js #2700). */
  canDownload: boolean;
}

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string; document?: { url?: string | null } };
}

export interface HostScope {
  Office?: unknown;
  navigator?: { language?: string };
  location?: { search?: string; hash?: string };
  sessionStorage?: { getItem(key: string): string | null };
}

/** Where office.js remembers the host across navigations inside the pane. */
const HOST_INFO_STORAGE_KEY = 'hostInfoValue';

/** Whether Office opened this page as a task pane (`_host_Info` in the address or remembered). */
export function launchedByOffice(scope: HostScope): boolean {
  const address = `${scope.location?.search ?? ''}&${scope.location?.hash ?? ''}`;
  if (/[?&#]_host_info=/i.test(`&${address}`)) return true;
  try {
    return !!scope.sessionStorage?.getItem(HOST_INFO_STORAGE_KEY);
  } catch {
    // Storage blocked (third-party iframe with cookies off): the address alone decides.
    return false;
  }
}

/** Platforms whose web view cannot save a file from the pane (office-js #2700, closed "by design"). */
const NO_DOWNLOAD_PLATFORMS = new Set(['Mac', 'iOS']);

export interface DetectOptions {
  /** Loads office.js (a script tag in the page); rejects when it cannot be fetched. */
  loadOfficeJs?: () => Promise<void>;
  /** Called once when Office has not answered after `slowAfterMs`: the pane says it is waiting. */
  onSlow?: () => void;
  slowAfterMs?: number;
}

/** Thrown inside Office when office.js cannot be fetched (offline): browser mode would not help there. */
export class OfficeUnavailableError extends Error {
  readonly code = 'office-js-unavailable';
  readonly messageEn = 'Office.js could not be loaded. Check the network connection and reopen the add-in.';
  constructor() {
    super('无法加载 Office.js（Office 的脚本库），请检查网络后重新打开加载项。');
    this.name = 'OfficeUnavailableError';
  }
}

export async function detectHost(scope: HostScope, options: DetectOptions = {}): Promise<HostInfo> {
  const browser: HostInfo = { mode: 'browser', displayLanguage: scope.navigator?.language ?? null, documentName: null, platform: null, canDownload: true };
  if (!launchedByOffice(scope)) return browser;
  if (!scope.Office && options.loadOfficeJs) {
    try {
      await options.loadOfficeJs();
    } catch {
      throw new OfficeUnavailableError();
    }
  }
  const office = (scope.Office ?? (globalThis as { Office?: unknown }).Office) as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') throw new OfficeUnavailableError();
  const slow = setTimeout(() => options.onSlow?.(), options.slowAfterMs ?? 8000);
  let info: { host: unknown; platform: unknown };
  try {
    info = await office.onReady();
  } finally {
    clearTimeout(slow);
  }
  const excel = office.HostType?.Excel ?? 'Excel';
  if (info.host !== excel) return browser;
  const platform = typeof info.platform === 'string' ? info.platform : null;
  return {
    mode: 'excel',
    displayLanguage: office.context?.displayLanguage ?? browser.displayLanguage,
    documentName: baseName(office.context?.document?.url ?? null),
    platform,
    canDownload: !(platform !== null && NO_DOWNLOAD_PLATFORMS.has(platform)),
  };
}

/** Loads office.js with a script tag; resolves when it has run. */
export function loadScript(doc: Document, src: string = OFFICE_JS_URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.appendChild(script);
  });
}

/** `%` in a name that is not an escape (台账100%.xlsx on a desktop path) stays as written. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function baseName(url: string | null): string | null {
  if (!url) return null;
  const name = safeDecode((url.split(/[\\/]/).pop() ?? '').split('?')[0]);
  return name || null;
}
