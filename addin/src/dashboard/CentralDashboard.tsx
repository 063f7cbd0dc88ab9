// The central office's dashboard, with no tracker workbook at all: unlock with the central key, pick the
// month, see the aggregate — points × required activities (done with its date, missing, 滞后), each
// province's reporting (未报送, 逾期, version, records), the report's charts — and generate the monthly
// report with the office's remarks, as .xlsx or .docx. Everything shown is the API's MonthlyReport, the
// same model the documents are written from, so the screen and the circulated report cannot disagree.
import { Badge, Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { currentCampaignMonth } from '../../../shared/calendar';
import { PACE_RULES, reportChartSpecs, reportDocumentName, reportWorkbookName, type MonthlyReport, type RequirementProgress } from '../../../shared/report';
import type { Campaign, IsoMonth } from '../../../shared/types';
import { ActionStatus } from '../components/ActionStatus';
import { MonthField } from '../components/MonthField';
import { Shell } from '../components/Shell';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useAction } from '../components/use-action';
import { usePanelStyles } from '../components/styles';
import { ApiClient } from '../services/api-client';
import { loadSettings, saveSettings, type KeyValueStore } from '../services/settings';
import { useLang, useT, type Lang } from '../i18n';
import { chartSvg } from './chart-svg';

export interface CentralDashboardProps {
  lang: Lang;
  campaign: Campaign;
  settingsStore: KeyValueStore;
  download: (data: Blob, fileName: string) => void;
  onBack: () => void;
  fetch?: typeof fetch;
}

/** The office's remarks travel in the query string; the API takes up to this many characters. */
const MAX_REMARKS = 2000;

const useStyles = makeStyles({
  root: {
    maxWidth: '72rem',
    marginLeft: 'auto',
    marginRight: 'auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
    '& th': { backgroundColor: tokens.colorNeutralBackground3 },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  },
  done: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  missing: { backgroundColor: tokens.colorPaletteRedBackground1 },
  charts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalL },
  chart: { margin: 0, maxWidth: '100%', overflowX: 'auto', '& svg': { maxWidth: '100%', height: 'auto' } },
});

export function CentralDashboard(props: CentralDashboardProps) {
  return (
    <Shell lang={props.lang}>
      <Dashboard {...props} />
    </Shell>
  );
}

function Dashboard({ campaign: builtIn, settingsStore, download, onBack, fetch: fetchImpl }: CentralDashboardProps) {
  const t = useT();
  const styles = useStyles();
  const panel = usePanelStyles();
  const [settings, setSettings] = useState(() => loadSettings(settingsStore));
  const [key, setKey] = useState(settings.apiKey);
  const [api, setApi] = useState<ApiClient | null>(null);
  const [campaign, setCampaign] = useState(builtIn);
  const [month, setMonth] = useState<IsoMonth>(() => currentCampaignMonth(builtIn));
  const [report, setReport] = useState<MonthlyReport | null>(null);
  const [remarks, setRemarks] = useState('');
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const unlock = useAction();
  const load = useAction();
  const file = useAction();

  const tryKey = (apiKey: string) =>
    unlock.run(async () => {
      const client = new ApiClient({ baseUrl: settings.apiUrl, apiKey, fetch: fetchImpl });
      const configured = await client.campaign(builtIn.id);
      if ((await client.me()).role !== 'central') throw new Error(t('dash.notCentral'));
      const next = { ...settings, apiKey };
      saveSettings(settingsStore, next);
      setSettings(next);
      setCampaign(configured);
      setApi(client);
    });

  useEffect(() => {
    // A key kept from before unlocks at once.
    if (settings.apiKey) void tryKey(settings.apiKey);
  }, []);

  useEffect(() => {
    if (!api) return;
    void load.run(async () => {
      setReport(await api.monthlyReportJson(campaign.id, month));
    });
  }, [api, month]);

  const fetchFile = (format: 'xlsx' | 'docx') =>
    file.run(async () => {
      if (!api) return;
      setDownloaded(null);
      const name = format === 'xlsx' ? reportWorkbookName(month) : reportDocumentName(month);
      const blob = format === 'xlsx' ? await api.monthlyReportXlsx(campaign.id, month, remarks) : await api.monthlyReportDocx(campaign.id, month, remarks);
      download(blob, name);
      setDownloaded(t('central.downloaded', { file: name }));
    });

  return (
    <main className={styles.root}>
      <div className={styles.header}>
        <Text as="h1" size={600} weight="semibold">
          {t('dash.title')}
        </Text>
        <LanguageSwitch />
        <Button onClick={onBack}>{t('dash.back')}</Button>
      </div>
      {!api && (
        <form
          className={panel.panel}
          onSubmit={(event) => {
            event.preventDefault();
            void tryKey(key.trim());
          }}
        >
          <Text>{t('dash.keyIntro')}</Text>
          <Field label={t('settings.apiKey')}>
            <Input type="password" value={key} onChange={(_, data) => setKey(data.value)} />
          </Field>
          <div className={panel.row}>
            <Button appearance="primary" type="submit" disabled={unlock.state.busy || key.trim() === ''}>
              {t('dash.unlock')}
            </Button>
          </div>
          <ActionStatus state={unlock.state} label={t('common.working')} />
        </form>
      )}
      {api && (
        <>
          <MonthField label={t('central.month')} campaign={campaign} month={month} onMonth={setMonth} />
          <ActionStatus state={load.state} label={t('dash.loading')} />
          {report && report.month === month && <ReportView report={report} />}
          {report && (
            <section aria-labelledby="dash-generate" className={panel.panel}>
              <Text as="h2" id="dash-generate" size={500} weight="semibold">
                {t('dash.generate')}
              </Text>
              <Field label={t('dash.remarks')} hint={t('dash.remarksHint')}>
                <Textarea value={remarks} maxLength={MAX_REMARKS} resize="vertical" rows={4} onChange={(_, data) => setRemarks(data.value)} />
              </Field>
              <div className={panel.row}>
                <Button appearance="primary" onClick={() => void fetchFile('docx')} disabled={file.state.busy}>
                  {t('dash.docx')}
                </Button>
                <Button onClick={() => void fetchFile('xlsx')} disabled={file.state.busy}>
                  {t('dash.xlsx')}
                </Button>
              </div>
              <ActionStatus state={file.state} label={t('central.reporting')} success={downloaded} />
            </section>
          )}
        </>
      )}
    </main>
  );
}

function ReportView({ report }: { report: MonthlyReport }) {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const charts = useMemo(() => reportChartSpecs(report).map((spec) => ({ spec, svg: chartSvg(spec) })), [report]);
  const requirements = report.completion.byRequirement;
  return (
    <>
      <Text role="status">
        {t('dash.summary', {
          asOf: report.asOf,
          complete: report.completion.pointsComplete,
          points: report.completion.pointCount,
          month: report.activities.monthTotal,
          cumulative: report.activities.cumulativeTotal,
          missing: report.notSubmitted.length,
          late: report.late.length,
        })}
      </Text>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption>{t('dash.matrix')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dash.point')}</th>
              <th scope="col">{t('dash.leader')}</th>
              {requirements.map((r) => (
                <th scope="col" key={r.requirementId}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.points.map((point) => (
              <tr key={point.liaisonPointId}>
                <th scope="row">
                  {point.name}
                  <br />
                  <Text size={200}>{point.provinceName}</Text>
                </th>
                <td>{point.leader ?? t('dash.noLeader')}</td>
                {requirements.map((r) => {
                  const progress = point.requirements.find((q) => q.requirementId === r.requirementId);
                  return <RequirementCell key={r.requirementId} progress={progress} lang={lang} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption>{t('dash.provinces')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dash.province')}</th>
              <th scope="col">{t('dash.state')}</th>
              <th scope="col">{t('dash.version')}</th>
              <th scope="col">{t('dash.submittedAt')}</th>
              <th scope="col">{t('dash.records')}</th>
              <th scope="col">{t('dash.errorRecords')}</th>
            </tr>
          </thead>
          <tbody>
            {report.provinces.map((p) => (
              <tr key={p.provinceId} className={p.state === 'missing' ? styles.missing : undefined}>
                <th scope="row">{p.name}</th>
                <td>
                  <Badge appearance="tint" color={p.state === 'on-time' ? 'success' : p.state === 'late' ? 'warning' : 'danger'}>
                    {lang === 'en' ? t(`dash.stateEn.${p.state}`) : p.stateLabel}
                  </Badge>
                </td>
                <td>{p.version ?? ''}</td>
                <td>{p.submittedAt ? new Date(p.submittedAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN') : ''}</td>
                <td>{p.recordCount}</td>
                <td>{p.errorRecordCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-label={t('dash.charts')} className={styles.charts}>
        {charts.map(({ spec, svg }) => (
          // The SVG is ECharts' own rendering of our spec (text escaped by its renderer); the title names it.
          <figure key={spec.id} className={styles.chart} role="img" aria-label={spec.title} dangerouslySetInnerHTML={{ __html: svg }} />
        ))}
      </section>
    </>
  );
}

function RequirementCell({ progress, lang }: { progress: RequirementProgress | undefined; lang: Lang }) {
  const t = useT();
  const styles = useStyles();
  if (!progress) return <td />;
  if (progress.done) return <td className={styles.done}>{t('dash.done', { date: progress.date ?? '' })}</td>;
  const rule = PACE_RULES.find((r) => r.level === progress.pace);
  const pace = rule ? (lang === 'en' ? t(`dash.paceEn.${rule.level}`) : rule.label) : null;
  return (
    <td className={styles.missing}>
      {t('dash.missing')}
      {pace && (
        <>
          {' '}
          <Badge color={progress.pace === 'behind' ? 'danger' : 'warning'}>{pace}</Badge>
        </>
      )}
    </td>
  );
}
