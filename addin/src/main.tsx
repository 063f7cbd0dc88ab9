// Entry: decide the mode, then render. Excel mode is in this first chunk; browser mode (which needs the
// .xlsx library) is a separate chunk loaded only outside Office, so the add-in's first load stays small.
// office.js is fetched only when Office opened the pane (host.ts): a plain browser starts at once, offline too.
import { createRoot } from 'react-dom/client';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { ExcelWorkbook } from '../workbook/excel-workbook';
import { Pane } from './components/Pane';
import { detectHost, loadScript } from './host';
import { localeOf, pickLang, translate } from './i18n';
import { bindFlows } from './pane-operations';
import { describeError } from './services/describe-error';
import { downloaderFor } from './services/download';
import { STORAGE_KEY } from './services/settings';
import { openPaneStore } from './services/settings-store';

async function start(container: HTMLElement): Promise<void> {
  const lang0 = pickLang(navigator.language);
  try {
    const host = await detectHost(window as unknown as Parameters<typeof detectHost>[0], {
      loadOfficeJs: () => loadScript(document),
      // A slow Excel on the web: say so and keep waiting (never fall back to browser mode inside Office).
      onSlow: () => {
        container.textContent = translate(lang0, 'host.waitingForExcel');
      },
    });
    const lang = pickLang(host.displayLanguage);
    document.documentElement.lang = localeOf(lang);
    document.title = translate(lang, 'app.title');
    const settingsStore = await openPaneStore(window as unknown as Parameters<typeof openPaneStore>[0], host.mode, [STORAGE_KEY]);
    const root = createRoot(container);
    if (host.mode === 'excel') {
      root.render(
        <Pane
          ops={bindFlows(new ExcelWorkbook())}
          lang={lang}
          campaign={DEFAULT_CAMPAIGN}
          settingsStore={settingsStore}
          fileName={host.documentName ?? translate(lang, 'app.title')}
          download={downloaderFor(host, `${location.origin}${location.pathname}`)}
        />,
      );
    } else {
      const { renderBrowserMode } = await import('./browser/browser-mode');
      renderBrowserMode(root, lang, settingsStore);
    }
  } catch (error) {
    container.textContent = describeError(error, lang0);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
