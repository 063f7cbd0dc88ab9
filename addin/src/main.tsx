// Entry: decide the mode, then render. Excel mode is in this first chunk; browser mode (which needs the
// .xlsx library) is a separate chunk loaded only outside Office, so the add-in's first load stays small.
// office.js is fetched only when Office opened the pane (host.ts): a plain browser starts at once, offline too.
import { createRoot } from 'react-dom/client';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { ExcelWorkbook } from '../workbook/excel-workbook';
import { Pane } from './components/Pane';
import { LanguageRoot } from './components/LanguageSwitch';
import { detectHost, loadScript } from './host';
import { localeOf, pickLang, translate } from './i18n';
import { bindFlows } from './pane-operations';
import { describeError } from './services/describe-error';
import { downloaderFor } from './services/download';
import { LANGUAGE_KEY, loadLanguage } from './services/language-setting';
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
    // Settings and the language choice live where the host keeps them (never in the workbook).
    const store = await openPaneStore(window as unknown as Parameters<typeof openPaneStore>[0], host.mode, [STORAGE_KEY, LANGUAGE_KEY]);
    // The user's own choice (中文/English) wins over Office's or the browser's display language.
    const lang = loadLanguage(store) ?? pickLang(host.displayLanguage);
    document.documentElement.lang = localeOf(lang);
    document.title = translate(lang, 'app.title');
    const root = createRoot(container);
    if (host.mode === 'excel') {
      const ops = bindFlows(new ExcelWorkbook());
      const download = downloaderFor(host, `${location.origin}${location.pathname}`);
      root.render(
        <LanguageRoot initial={lang} store={store}>
          {(current) => (
            <Pane
              ops={ops}
              lang={current}
              campaign={DEFAULT_CAMPAIGN}
              settingsStore={store}
              fileName={host.documentName ?? translate(current, 'app.title')}
              download={download}
            />
          )}
        </LanguageRoot>,
      );
    } else {
      const { renderBrowserMode } = await import('./browser/browser-mode');
      renderBrowserMode(root, lang, store);
    }
  } catch (error) {
    container.textContent = describeError(error, lang0);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
