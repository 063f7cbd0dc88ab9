// The task pane: one set of screens for both modes (Excel add-in and browser). It holds what the screens
// share (the connection, the last check, the settings and the key's role) and passes operations down.
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Campaign, IsoMonth } from '../../../shared/types';
import type { CheckOutcome, Connection } from '../../flows';
import type { PaneOperations } from '../pane-operations';
import { ApiClient } from '../services/api-client';
import { defaultReportingMonth } from '../../../shared/reporting-month';
import { loadSettings, saveSettings, type KeyValueStore, type Settings } from '../services/settings';
import { translate, type Lang, type MessageKey } from '../i18n';
import { AddActivityPanel } from './AddActivityPanel';
import { CentralPanel } from './CentralPanel';
import { CheckPanel } from './CheckPanel';
import { ConnectPanel } from './ConnectPanel';
import { SettingsPanel, type KeyRole } from './SettingsPanel';
import { Shell } from './Shell';
import { LanguageSwitch } from './LanguageSwitch';
import { SubmitPanel } from './SubmitPanel';

export interface PaneProps {
  ops: PaneOperations;
  lang: Lang;
  campaign: Campaign;
  /** Where the API address, key and province are kept (the add-in's local storage). */
  settingsStore: KeyValueStore;
  /** Name used in reports and submissions for the workbook. */
  fileName: string;
  download: (data: Blob, fileName: string) => void;
  /** For tests: how the API is reached. */
  fetch?: typeof fetch;
  /** Browser mode puts its file commands here. */
  toolbar?: ReactNode;
  /** Browser mode's sheet view, as a tab; each change of `reveal` switches to it (a problem was clicked). */
  sheetTab?: { render: (context: SheetTabContext) => ReactNode; reveal: number };
}

/** What the sheet view shares with the pane: the tracker connected and the last check, which an edit updates. */
export interface SheetTabContext {
  campaign: Campaign;
  connection: Connection | null | undefined;
  outcome: CheckOutcome | null;
  onOutcome: (outcome: CheckOutcome) => void;
}

type TabId = 'connect' | 'sheet' | 'add' | 'check' | 'submit' | 'central' | 'settings';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    maxWidth: '60rem',
    marginLeft: 'auto',
    marginRight: 'auto',
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalS,
  },
  tabs: { flexWrap: 'wrap' },
});

export function Pane(props: PaneProps) {
  const { ops, lang, settingsStore, fileName, download, toolbar, sheetTab } = props;
  const styles = useStyles();
  const [campaign, setCampaign] = useState<Campaign>(props.campaign);
  const [tab, setTab] = useState<TabId>('connect');
  const [connection, setConnection] = useState<Connection | null | undefined>(undefined);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [settings, setSettings] = useState<Settings>(() => loadSettings(settingsStore));
  const [role, setRole] = useState<KeyRole>('unknown');
  // A provincial key's own province: it fixes the province of 报送.
  const [keyProvince, setKeyProvince] = useState<{ id: string; name: string } | null>(null);
  // The month whose tracker is due now (shared rule: until the due day, the month just ended).
  const [month, setMonth] = useState<IsoMonth>(() => defaultReportingMonth(props.campaign));

  const api = useMemo(
    () => (settings.apiKey ? new ApiClient({ baseUrl: settings.apiUrl, apiKey: settings.apiKey, fetch: props.fetch }) : null),
    [settings.apiUrl, settings.apiKey, props.fetch],
  );

  const identify = useCallback(
    async (client: ApiClient): Promise<KeyRole> => {
      // The campaign as the central office configured it (leaders, points) replaces the built-in one.
      const [configured, me] = await Promise.all([client.campaign(campaign.id), client.me()]);
      setCampaign(configured);
      setKeyProvince(me.role === 'province' ? { id: me.provinceId, name: me.provinceName } : null);
      setRole(me.role);
      return me.role;
    },
    [campaign.id],
  );

  useEffect(() => {
    if (sheetTab && sheetTab.reveal > 0) setTab('sheet');
  }, [sheetTab?.reveal]);

  useEffect(() => {
    // A saved key is re-verified quietly on open; a failure (offline) leaves the provincial screens usable.
    if (api) identify(api).catch(() => setRole('unknown'));
    // Only when the pane opens: later changes go through Settings.
  }, []);

  const saveAndVerify = async (next: Settings): Promise<KeyRole> => {
    saveSettings(settingsStore, next);
    setSettings(next);
    setRole('unknown');
    setKeyProvince(null);
    if (!next.apiKey) return 'unknown';
    return identify(new ApiClient({ baseUrl: next.apiUrl, apiKey: next.apiKey, fetch: props.fetch }));
  };

  const setProvince = (provinceId: string) => {
    const next = { ...settings, provinceId };
    saveSettings(settingsStore, next);
    setSettings(next);
  };

  const t = (key: MessageKey) => translate(lang, key);
  return (
    <Shell lang={lang}>
      {/* Layout lives on an inner box: FluentProvider copies its className onto portal mount nodes
          (dropdown lists), where a full-height background would cover the pane. */}
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            {t('app.title')}
          </Text>
          {toolbar}
          <LanguageSwitch />
        </header>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
          size="small"
        >
          <Tab value="connect">{t('tab.connect')}</Tab>
          {sheetTab && <Tab value="sheet">{t('tab.sheet')}</Tab>}
          <Tab value="add">{t('tab.add')}</Tab>
          <Tab value="check">{t('tab.check')}</Tab>
          <Tab value="submit">{t('tab.submit')}</Tab>
          {role === 'central' && <Tab value="central">{t('tab.central')}</Tab>}
          <Tab value="settings">{t('tab.settings')}</Tab>
        </TabList>
        <main>
          {/* Connect stays mounted so the first search runs once, whatever tab the user opens. */}
          <div hidden={tab !== 'connect'}>
            <ConnectPanel ops={ops} campaign={campaign} connection={connection} onConnection={setConnection} />
          </div>
          {tab === 'sheet' && sheetTab?.render({ campaign, connection, outcome, onOutcome: setOutcome })}
          {tab === 'add' && (
            <AddActivityPanel
              ops={ops}
              campaign={campaign}
              connection={connection}
              onAppended={() => setConnection((c) => (c ? { ...c, recordCount: c.recordCount + 1 } : c))}
            />
          )}
          {tab === 'check' && (
            <CheckPanel ops={ops} campaign={campaign} fileName={fileName} outcome={outcome} onOutcome={setOutcome} />
          )}
          {tab === 'submit' && (
            <SubmitPanel
              ops={ops}
              campaign={campaign}
              fileName={fileName}
              api={api}
              month={month}
              onMonth={setMonth}
              provinceId={settings.provinceId}
              onProvince={setProvince}
              keyProvinceId={keyProvince?.id ?? null}
              onOpenSettings={() => setTab('settings')}
            />
          )}
          {tab === 'central' && api && role === 'central' && (
            <CentralPanel ops={ops} campaign={campaign} api={api} month={month} onMonth={setMonth} download={download} />
          )}
          {tab === 'settings' && <SettingsPanel settings={settings} role={role} provinceName={keyProvince?.name ?? null} onSave={saveAndVerify} />}
        </main>
      </div>
    </Shell>
  );
}
