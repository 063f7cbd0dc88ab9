// Which mode the pane runs in. office.js is loaded by index.html from Microsoft's CDN; inside Excel,
// Office.onReady names the host. Outside Office (a plain browser, WPS users) it names none, and when the
// CDN could not be reached there is no Office at all: both mean browser mode.
export interface HostInfo {
  mode: 'excel' | 'browser';
  /** Office's display language in Excel, the browser's otherwise. */
  displayLanguage: string | null;
  /** The workbook's file name when Office knows it. */
  documentName: string | null;
}

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string; document?: { url?: string | null } };
}

/** office.js never resolves onReady in some broken frames: do not wait for it forever. */
const OFFICE_READY_TIMEOUT_MS = 8000;

export async function detectHost(
  scope: { Office?: unknown; navigator?: { language?: string } },
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<HostInfo> {
  const browser: HostInfo = { mode: 'browser', displayLanguage: scope.navigator?.language ?? null, documentName: null };
  const office = scope.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') return browser;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const info = await Promise.race([office.onReady().catch(() => null), timeout]);
  clearTimeout(timer);
  const excel = office.HostType?.Excel ?? 'Excel';
  if (!info || info.host !== excel) return browser;
  return {
    mode: 'excel',
    displayLanguage: office.context?.displayLanguage ?? browser.displayLanguage,
    documentName: baseName(office.context?.document?.url ?? null),
  };
}

function baseName(url: string | null): string | null {
  if (!url) return null;
  const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? '').split('?')[0];
  return name || null;
}
