// Central office (unlocked by the central key): pull every province's data into 汇总 / 完成情况 / 报送情况,
// write the monthly report sheet, and download the same report as .xlsx from the API — one click each.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { reportDocumentName, reportWorkbookName } from '../../../shared/report';
import type { Campaign, IsoMonth } from '../../../shared/types';
import type { PaneOperations } from '../pane-operations';
import type { ApiClient } from '../services/api-client';
import { useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { MonthField } from './MonthField';
import { useAction } from './use-action';
import { usePanelStyles } from './styles';

export interface CentralPanelProps {
  ops: PaneOperations;
  campaign: Campaign;
  api: ApiClient;
  month: IsoMonth;
  onMonth: (month: IsoMonth) => void;
  download: (data: Blob, fileName: string) => void;
}

export function CentralPanel({ ops, campaign, api, month, onMonth, download }: CentralPanelProps) {
  const t = useT();
  const styles = usePanelStyles();
  const pull = useAction();
  const report = useAction();
  const file = useAction();
  const [label, setLabel] = useState(t('central.pulling'));
  const [pulled, setPulled] = useState<string | null>(null);
  const [reported, setReported] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const runPull = () =>
    pull.run(async ({ onProgress, signal }) => {
      setPulled(null);
      setLabel(t('central.pulling'));
      const aggregate = await api.aggregate(campaign.id, month);
      setLabel(t('central.writing'));
      await ops.pullAggregate(aggregate, campaign, { onProgress, signal });
      setPulled(
        t('central.pulled', {
          records: aggregate.records.length,
          complete: aggregate.points.filter((p) => p.complete).length,
          points: aggregate.points.length,
          missing: aggregate.provinces.filter((p) => !p.submitted).length,
        }),
      );
    });

  const runReport = () =>
    report.run(async ({ signal, setProgress }) => {
      setReported(null);
      const model = await api.monthlyReportJson(campaign.id, month);
      setProgress(0.5);
      // Fetching the model is the first half of the bar, writing the sheet the second.
      const onProgress = (p: { done: number; total: number }) => setProgress(0.5 + 0.5 * (p.total ? p.done / p.total : 1));
      const sheet = await ops.writeMonthlyReport(model, { onProgress, signal });
      setReported(t('central.reported', { sheet }));
    });

  const runDownload = (format: 'xlsx' | 'docx') =>
    file.run(async () => {
      setDownloaded(null);
      const name = format === 'docx' ? reportDocumentName(month) : reportWorkbookName(month);
      download(await (format === 'docx' ? api.monthlyReportDocx : api.monthlyReportXlsx).call(api, campaign.id, month), name);
      setDownloaded(t('central.downloaded', { file: name }));
    });

  return (
    <div className={styles.panel}>
      <MonthField label={t('central.month')} campaign={campaign} month={month} onMonth={onMonth} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={runPull} disabled={pull.state.busy}>
          {t('central.pull')}
        </Button>
      </div>
      <ActionStatus state={pull.state} label={label} onCancel={pull.cancel} success={pulled} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={runReport} disabled={report.state.busy}>
          {t('central.report')}
        </Button>
        <Button onClick={() => runDownload('docx')} disabled={file.state.busy}>
          {t('central.downloadDocx')}
        </Button>
        <Button onClick={() => runDownload('xlsx')} disabled={file.state.busy}>
          {t('central.download')}
        </Button>
      </div>
      <ActionStatus state={report.state} label={t('central.reporting')} onCancel={report.cancel} success={reported} />
      <ActionStatus state={file.state} label={t('common.working')} success={downloaded} />
    </div>
  );
}
