// Browser mode (issue 6): the same pane on an .xlsx held in memory, for WPS users and machines without
// the add-in. Open a file (picker or drag-and-drop) or start from the template; every change is kept as a
// draft in this browser until the user downloads the workbook or discards it. Nothing is uploaded except
// on 报送.
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Campaign } from '../../../shared/types';
import { Pane, type SheetTabContext } from '../components/Pane';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ActionStatus } from '../components/ActionStatus';
import { Shell } from '../components/Shell';
import { useAction } from '../components/use-action';
import { bindFlows, type ChangeKind, type PaneOperations } from '../pane-operations';
import { recheckRow } from '../../flows';
import type { SheetSource } from '../../workbook/sheet-source';
import { DiscardDialog, type ChangeCounts } from './DiscardDialog';
import { SheetView, type CellTarget } from './SheetView';
import { XLSX_CONTENT_TYPE } from '../../../shared/api';
import { columnLetter } from '../../../shared/columns';
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

/** tabster's debounce before it updates what a modal dialog hid (Modalizer.hiddenUpdate). */
const TABSTER_HIDDEN_UPDATE_MS = 250;

/** The in-memory workbook can also be shown as a grid (the sheet view); a test double may not. */
function sheetSourceOf(workbook: BrowserWorkbook): SheetSource | null {
  const source = workbook as Partial<SheetSource>;
  return typeof source.cell === 'function' && typeof source.size === 'function' ? (workbook as BrowserWorkbook & SheetSource) : null;
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

// The central dashboard is its own chunk (it brings the chart renderer): loaded only when opened.
const CentralDashboard = lazy(async () => ({ default: (await import('../dashboard/CentralDashboard')).CentralDashboard }));

function BrowserShell(props: BrowserAppProps) {
  const { lang, campaign, workbooks, drafts, download } = props;
  const styles = useStyles();
  const t = useT();
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [changes, setChanges] = useState<ChangeCounts>({});
  const [confirming, setConfirming] = useState<'workbook' | 'draft' | null>(null);
  const [target, setTarget] = useState<CellTarget | null>(null);
  const [central, setCentral] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const sessions = useRef(0);
  const now = props.now ?? (() => new Date());
  // Start-screen and toolbar actions report errors through the same handler wrapper as the pane.
  const { state, run } = useAction();

  useEffect(() => {
    void run(async () => setDraft(await drafts.load()));
  }, []);

  const changesRef = useRef<ChangeCounts>({});
  const keepDraft = async (workbook: BrowserWorkbook, fileName: string, change: ChangeKind) => {
    const next = { ...changesRef.current, [change]: (changesRef.current[change] ?? 0) + 1 };
    await drafts.save({ fileName, bytes: await workbook.save(), savedAt: now().toISOString(), changes: next });
    changesRef.current = next;
    setChanges(next);
    setDirty(true);
    setSaved(null);
  };
  const resetChanges = (kept: ChangeCounts = {}) => {
    changesRef.current = kept;
    setChanges(kept);
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
      resetChanges();
      setDirty(false);
    });

  const startTemplate = () =>
    run(async () => {
      const workbook = workbooks.fromTemplate(campaign);
      const fileName = t('browser.templateName');
      show(workbook, fileName);
      resetChanges();
      await keepDraft(workbook, fileName, 'template');
    });

  const resume = (kept: Draft) =>
    run(async () => {
      show(await workbooks.open(kept.bytes), kept.fileName);
      resetChanges(kept.changes ?? {});
      setDirty(true);
    });

  const discard = () =>
    run(async () => {
      setConfirming(null);
      await drafts.clear();
      setDraft(null);
      setOpen(null);
      setDirty(false);
      resetChanges();
    });

  // A confirmed discard waits for the dialog to finish closing, and then for tabster (Fluent's focus
  // manager) to un-hide the page: it does so on a 250 ms debounce (Modalizer.hiddenUpdate) that
  // disposing it with the workbook's screen cancels, which left the app's root aria-hidden.
  const discardWhenClosed = useRef(false);
  const confirmDiscard = () => {
    discardWhenClosed.current = true;
    setConfirming(null);
  };
  const dialogClosed = () => {
    if (!discardWhenClosed.current) return;
    discardWhenClosed.current = false;
    setTimeout(() => void discard(), TABSTER_HIDDEN_UPDATE_MS + 100);
  };

  /** Nothing unsaved: close at once. Unsaved changes: ask first, saying what would be lost. */
  const askDiscard = (what: 'workbook' | 'draft') => {
    if (what === 'workbook' && !dirty) void discard();
    else setConfirming(what);
  };

  const downloadWorkbook = () =>
    run(async () => {
      if (!open) return;
      const bytes = await open.workbook.save();
      download(new Blob([bytes as BlobPart], { type: XLSX_CONTENT_TYPE }), open.fileName);
      await drafts.clear();
      setDirty(false);
      resetChanges();
      setConfirming(null);
      setSaved(open.convertedFrom ? t('browser.savedAs', { file: open.fileName, original: open.convertedFrom }) : t('browser.saved', { file: open.fileName }));
    });

  const ops = useMemo((): PaneOperations | null => {
    if (!open) return null;
    const bound = bindFlows(open.workbook, (change) => keepDraft(open.workbook, open.fileName, change));
    if (!sheetSourceOf(open.workbook)) return bound;
    // A clicked problem opens the sheet view on its cell.
    let serial = 0;
    return {
      ...bound,
      async select(sheet, cell) {
        await bound.select(sheet, cell);
        serial += 1;
        setTarget({ sheet, cell, serial });
      },
    };
  }, [open]);

  const source = open ? sheetSourceOf(open.workbook) : null;
  const sheetTab =
    open && source
      ? {
          reveal: target?.serial ?? 0,
          render: ({ campaign: configured, connection, outcome, onOutcome }: SheetTabContext) => (
            <SheetTab
              key={open.session}
              workbook={open.workbook}
              source={source}
              campaign={configured}
              initialSheet={connection?.sheet ?? outcome?.report.sheet ?? ''}
              outcome={outcome}
              onOutcome={onOutcome}
              target={target}
              onChanged={() => keepDraft(open.workbook, open.fileName, 'edit')}
            />
          ),
        }
      : undefined;

  if (open && ops) {
    const toolbar = (
      <div className={styles.row}>
        <Text weight="semibold">{open.fileName}</Text>
        {dirty && <Badge color="warning" appearance="tint">{t('browser.unsaved')}</Badge>}
        <Button appearance="primary" onClick={downloadWorkbook} disabled={state.busy}>
          {t('browser.download')}
        </Button>
        <Button onClick={() => askDiscard('workbook')} disabled={state.busy}>
          {t('browser.close')}
        </Button>
        <ActionStatus state={state} label={t('common.working')} success={saved} />
        <DiscardDialog
          open={confirming === 'workbook'}
          intro={t('browser.confirmBody', { file: open.fileName })}
          changes={changes}
          onDiscard={confirmDiscard}
          onCancel={() => setConfirming(null)}
          onDownload={() => void downloadWorkbook()}
          onClosed={dialogClosed}
        />
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
        sheetTab={sheetTab}
      />
    );
  }

  if (central) {
    return (
      <Suspense fallback={<Shell lang={lang}><ActionStatus state={{ busy: true, progress: undefined, error: null }} label={t('common.working')} /></Shell>}>
        <CentralDashboard
          lang={lang}
          campaign={campaign}
          settingsStore={props.settingsStore}
          download={download}
          fetch={props.fetch}
          onBack={() => setCentral(false)}
        />
      </Suspense>
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
        <div className={styles.row}>
          <Text as="h1" size={600} weight="semibold">
            {t('app.title')}
          </Text>
          <LanguageSwitch />
        </div>
        <Text>{t('browser.intro')}</Text>
        {draft && (
          <div className={styles.row} role="region" aria-label={t('browser.draftLabel')}>
            <Text>{t('browser.draft', { file: draft.fileName, time: new Date(draft.savedAt).toLocaleString(localeOf(lang)) })}</Text>
            <Button appearance="primary" onClick={() => resume(draft)}>
              {t('browser.resume')}
            </Button>
            <Button onClick={() => askDiscard('draft')}>{t('browser.discard')}</Button>
            <DiscardDialog
              open={confirming === 'draft'}
              intro={t('browser.confirmDraft', { file: draft.fileName, time: new Date(draft.savedAt).toLocaleString(localeOf(lang)) })}
              changes={draft.changes ?? {}}
              onDiscard={confirmDiscard}
              onCancel={() => setConfirming(null)}
              onClosed={dialogClosed}
            />
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
          <Button onClick={() => setCentral(true)}>{t('dash.open')}</Button>
        </div>
        <ActionStatus state={state} label={t('common.working')} />
      </main>
    </Shell>
  );
}

interface SheetTabProps {
  workbook: BrowserWorkbook;
  source: SheetSource;
  campaign: Campaign;
  initialSheet: string;
  outcome: SheetTabContext['outcome'];
  onOutcome: SheetTabContext['onOutcome'];
  target: CellTarget | null;
  onChanged: () => Promise<void>;
}

/** The sheet view bound to the open workbook: an edit writes the cell, re-checks its row, keeps the draft. */
function SheetTab({ workbook, source, campaign, initialSheet, outcome, onOutcome, target, onChanged }: SheetTabProps) {
  const t = useT();
  const [sheets, setSheets] = useState<string[] | null>(null);
  useEffect(() => {
    void workbook.sheetNames().then(setSheets);
  }, [workbook]);
  if (!sheets) return null;
  const onEdit = async (sheet: string, row: number, col: number, text: string): Promise<string> => {
    source.setCell(sheet, row, col, text);
    const checked = outcome && (outcome.report.parts?.some((p) => p.sheet === sheet) ?? outcome.report.sheet === sheet);
    let message = t('sheet.saved', { cell: `${columnLetter(col - 1)}${row}` });
    if (outcome && checked) {
      const { report, rowIssues } = await recheckRow(workbook, campaign, outcome.report, sheet, row, outcome.asOf);
      onOutcome({ ...outcome, report });
      message = rowIssues.length === 0 ? t('sheet.recheckedClean', { row }) : t('sheet.rechecked', { row, count: rowIssues.length });
    }
    await onChanged();
    return message;
  };
  return <SheetView source={source} sheets={sheets} initialSheet={target?.sheet ?? initialSheet} target={target} onEdit={onEdit} />;
}
