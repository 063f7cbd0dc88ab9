// Browser mode (issue 6): the same pane on an .xlsx held in memory, for WPS users and machines without
// the add-in. Open a file (picker or drag-and-drop) or start from the template; every change is kept as a
// draft in this browser until the user downloads the workbook or discards it. Nothing is uploaded except
// on 报送.
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Campaign } from '../../../shared/types';
import { Pane } from '../components/Pane';
import { ActionStatus } from '../components/ActionStatus';
import { Shell } from '../components/Shell';
import { useAction } from '../components/use-action';
import { bindFlows } from '../pane-operations';
import { XLSX_CONTENT_TYPE } from '../../../shared/api';
import { formatByExtension, UPLOAD_ACCEPT, xlsxNameFor } from '../../../shared/upload-formats';
import type { KeyValueStore } from '../services/settings';
import type { WorkbookPort } from '../../workbook/port';
import { LangContext, localeOf, translate, useT, type Lang } from '../i18n';
import type { Draft, DraftStore } from './draft-store';

export interface BrowserWorkbook extends WorkbookPort {
  save(): Promise<Uint8Array>;
  /** The format the file came in; anything but 'xlsx' is downloaded as a new .xlsx. */
  readonly sourceFormat?: string;
}

export interface WorkbookFactory {
  /** Throws an error with a Chinese message and `messageEn` when the bytes are not a workbook. */
  open(bytes: Uint8Array, fileName?: string): Promise<BrowserWorkbook>;
  fromTemplate(campaign: Campaign): BrowserWorkbook;
}

export interface BrowserAppProps {
  lang: Lang;
  campaign: Campaign;
  workbooks: WorkbookFactory;
  drafts: DraftStore;
  settingsStore: KeyValueStore;
  download: (data: Blob, fileName: string) => void;
  fetch?: typeof fetch;
  now?: () => Date;
}

interface OpenWorkbook {
  workbook: BrowserWorkbook;
  /** The name it is downloaded under (an .xlsx name for a file of another format). */
  fileName: string;
  /** The file's own name, when it was not an .xlsx (the download never replaces it). */
  convertedFrom?: string;
  /** Remounts the pane for each newly opened workbook. */
  session: number;
}

const useStyles = makeStyles({
  start: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '40rem',
    marginLeft: 'auto',
    marginRight: 'auto',
  },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  hidden: { display: 'none' },
});

export function BrowserApp(props: BrowserAppProps) {
  return (
    <LangContext.Provider value={props.lang}>
      <BrowserShell {...props} />
    </LangContext.Provider>
  );
}

function BrowserShell(props: BrowserAppProps) {
  const { lang, campaign, workbooks, drafts, download } = props;
  const styles = useStyles();
  const t = useT();
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const sessions = useRef(0);
  const now = props.now ?? (() => new Date());
  // Start-screen and toolbar actions report errors through the same handler wrapper as the pane.
  const { state, run } = useAction();

  useEffect(() => {
    void run(async () => setDraft(await drafts.load()));
  }, []);

  const keepDraft = async (workbook: BrowserWorkbook, fileName: string) => {
    await drafts.save({ fileName, bytes: await workbook.save(), savedAt: now().toISOString() });
    setDirty(true);
    setSaved(null);
  };

  const show = (workbook: BrowserWorkbook, fileName: string, convertedFrom?: string) => {
    sessions.current += 1;
    setOpen({ workbook, fileName, convertedFrom, session: sessions.current });
    setDraft(null);
  };

  const openFile = (file: File) =>
    run(async () => {
      if (!formatByExtension(file.name)) {
        throw Object.assign(new Error(t('browser.notXlsx', { file: file.name })), {
          messageEn: translate('en', 'browser.notXlsx', { file: file.name }),
        });
      }
      const workbook = await workbooks.open(new Uint8Array(await file.arrayBuffer()), file.name);
      const converted = workbook.sourceFormat !== undefined && workbook.sourceFormat !== 'xlsx';
      show(workbook, converted ? xlsxNameFor(file.name) : file.name, converted ? file.name : undefined);
      setDirty(false);
    });

  const startTemplate = () =>
    run(async () => {
      const workbook = workbooks.fromTemplate(campaign);
      const fileName = t('browser.templateName');
      show(workbook, fileName);
      await keepDraft(workbook, fileName);
    });

  const resume = (kept: Draft) =>
    run(async () => {
      show(await workbooks.open(kept.bytes), kept.fileName);
      setDirty(true);
    });

  const discard = () =>
    run(async () => {
      await drafts.clear();
      setDraft(null);
      setOpen(null);
      setDirty(false);
    });

  const downloadWorkbook = () =>
    run(async () => {
      if (!open) return;
      const bytes = await open.workbook.save();
      download(new Blob([bytes as BlobPart], { type: XLSX_CONTENT_TYPE }), open.fileName);
      await drafts.clear();
      setDirty(false);
      setSaved(open.convertedFrom ? t('browser.savedAs', { file: open.fileName, original: open.convertedFrom }) : t('browser.saved', { file: open.fileName }));
    });

  const ops = useMemo(
    () => (open ? bindFlows(open.workbook, () => keepDraft(open.workbook, open.fileName)) : null),
    [open],
  );

  if (open && ops) {
    const toolbar = (
      <div className={styles.row}>
        <Text weight="semibold">{open.fileName}</Text>
        {dirty && <Badge color="warning" appearance="tint">{t('browser.unsaved')}</Badge>}
        <Button appearance="primary" onClick={downloadWorkbook} disabled={state.busy}>
          {t('browser.download')}
        </Button>
        <Button onClick={discard} disabled={state.busy}>
          {t('browser.close')}
        </Button>
        <ActionStatus state={state} label={t('common.working')} success={saved} />
      </div>
    );
    return (
      <Pane
        key={open.session}
        ops={ops}
        lang={lang}
        campaign={campaign}
        settingsStore={props.settingsStore}
        fileName={open.fileName}
        download={download}
        fetch={props.fetch}
        toolbar={toolbar}
      />
    );
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void openFile(file);
  };

  return (
    <Shell lang={lang}>
      <main className={styles.start}>
        <Text as="h1" size={600} weight="semibold">
          {t('app.title')}
        </Text>
        <Text>{t('browser.intro')}</Text>
        {draft && (
          <div className={styles.row} role="region" aria-label={t('browser.draftLabel')}>
            <Text>{t('browser.draft', { file: draft.fileName, time: new Date(draft.savedAt).toLocaleString(localeOf(lang)) })}</Text>
            <Button appearance="primary" onClick={() => resume(draft)}>
              {t('browser.resume')}
            </Button>
            <Button onClick={discard}>{t('browser.discard')}</Button>
          </div>
        )}
        <div
          data-testid="drop-zone"
          className={mergeClasses(styles.drop, dragging && styles.dropActive)}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Button appearance="primary" size="large" onClick={() => fileInput.current?.click()} disabled={state.busy}>
            {t('browser.open')}
          </Button>
          <Text>{t('browser.drop')}</Text>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept={UPLOAD_ACCEPT}
            aria-label={t('browser.open')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void openFile(file);
            }}
          />
        </div>
        <div className={styles.row}>
          <Button onClick={startTemplate} disabled={state.busy}>
            {t('browser.template')}
          </Button>
        </div>
        <ActionStatus state={state} label={t('common.working')} />
      </main>
    </Shell>
  );
}
