// Entry: decide the mode, then render. Excel mode is in this first chunk; browser mode (which needs the
// .xlsx library) is a separate chunk loaded only outside Office, so the add-in's first load stays small.
import { createRoot } from 'react-dom/client';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { ExcelWorkbook } from '../workbook/excel-workbook';
import { Pane } from './components/Pane';
import { detectHost } from './host';
import { LanguageRoot } from './components/LanguageSwitch';
import { loadLanguage } from './services/language-setting';
import { localeOf, pickLang, translate } from './i18n';
import { bindFlows } from './pane-operations';
import { describeError } from './services/describe-error';
import { saveBlob } from './services/download';

async function start(container: HTMLElement): Promise<void> {
  const host = await detectHost(window as unknown as { Office?: unknown; navigator: Navigator });
  // The user's own choice (中文/English) wins over Office's or the browser's display language.
  const lang = loadLanguage(window.localStorage) ?? pickLang(host.displayLanguage);
  document.documentElement.lang = localeOf(lang);
  document.title = translate(lang, 'app.title');
  const root = createRoot(container);
  try {
    if (host.mode === 'excel') {
      const ops = bindFlows(new ExcelWorkbook());
      root.render(
        <LanguageRoot initial={lang} store={window.localStorage}>
          {(current) => (
            <Pane
              ops={ops}
              lang={current}
              campaign={DEFAULT_CAMPAIGN}
              settingsStore={window.localStorage}
              fileName={host.documentName ?? translate(current, 'app.title')}
              download={saveBlob}
            />
          )}
        </LanguageRoot>,
      );
    } else {
      const { renderBrowserMode } = await import('./browser/browser-mode');
      renderBrowserMode(root, lang);
    }
  } catch (error) {
    container.textContent = describeError(error, lang);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
