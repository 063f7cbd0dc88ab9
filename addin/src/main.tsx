// Entry: decide the mode, then render. Excel mode is in this first chunk; browser mode (which needs the
// .xlsx library) is a separate chunk loaded only outside Office, so the add-in's first load stays small.
import { createRoot } from 'react-dom/client';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { ExcelWorkbook } from '../workbook/excel-workbook';
import { Pane } from './components/Pane';
import { detectHost } from './host';
import { localeOf, pickLang, translate } from './i18n';
import { bindFlows } from './pane-operations';
import { describeError } from './services/describe-error';
import { saveBlob } from './services/download';

async function start(container: HTMLElement): Promise<void> {
  const host = await detectHost(window as unknown as { Office?: unknown; navigator: Navigator });
  const lang = pickLang(host.displayLanguage);
  document.documentElement.lang = localeOf(lang);
  document.title = translate(lang, 'app.title');
  const root = createRoot(container);
  try {
    if (host.mode === 'excel') {
      root.render(
        <Pane
          ops={bindFlows(new ExcelWorkbook())}
          lang={lang}
          campaign={DEFAULT_CAMPAIGN}
          settingsStore={window.localStorage}
          fileName={host.documentName ?? translate(lang, 'app.title')}
          download={saveBlob}
        />,
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
