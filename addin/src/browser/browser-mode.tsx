// Browser mode's entry (its own chunk: it brings exceljs): the pane on an in-memory .xlsx.
import type { Root } from 'react-dom/client';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import { MemoryWorkbook } from '../../workbook/memory-workbook';
import { saveBlob } from '../services/download';
import type { Lang } from '../i18n';
import { BrowserApp, type WorkbookFactory } from './BrowserApp';
import { indexedDbDraftStore } from './draft-store';
import { LanguageRoot } from '../components/LanguageSwitch';

const memoryWorkbooks: WorkbookFactory = {
  open: (bytes) => MemoryWorkbook.open(bytes),
  fromTemplate: (campaign) => MemoryWorkbook.fromTemplate(campaign),
};

export function renderBrowserMode(root: Root, lang: Lang): void {
  const drafts = indexedDbDraftStore();
  root.render(
    <LanguageRoot initial={lang} store={window.localStorage}>
      {(current) => (
        <BrowserApp
          lang={current}
          campaign={DEFAULT_CAMPAIGN}
          workbooks={memoryWorkbooks}
          drafts={drafts}
          settingsStore={window.localStorage}
          download={saveBlob}
        />
      )}
    </LanguageRoot>,
  );
}
