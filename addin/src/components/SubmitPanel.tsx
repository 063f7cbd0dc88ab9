// 报送: checks the tracker afresh and sends the month's records. The server answers a repeated submission
// of the same content as a duplicate, so "retry" after any failure is always safe.
import { Button, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Campaign, IsoMonth } from '../../../shared/types';
import { submissionRequest, type CheckOutcome } from '../../flows';
import type { PaneOperations } from '../pane-operations';
import type { ApiClient, SubmitResult } from '../services/api-client';
import { trackerProvince } from '../../../shared';
import { issueText, useLang, useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { MoreProblems, PROBLEMS_SHOWN } from './CheckPanel';
import { MonthField } from './MonthField';
import { useAction } from './use-action';
import { usePanelStyles } from './styles';

export interface SubmitPanelProps {
  ops: PaneOperations;
  campaign: Campaign;
  fileName: string;
  api: ApiClient | null;
  month: IsoMonth;
  onMonth: (month: IsoMonth) => void;
  provinceId: string;
  onProvince: (provinceId: string) => void;
  onOutcome: (outcome: CheckOutcome) => void;
  /** Shows the settings screen (where the key goes). */
  onOpenSettings?: () => void;
}

export function SubmitPanel(props: SubmitPanelProps) {
  const { ops, campaign, fileName, api, month, onMonth, provinceId, onProvince, onOutcome, onOpenSettings } = props;
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  const { state, run, cancel } = useAction();
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [localError, setLocalError] = useState<'needKey' | 'needProvince' | null>(null);
  // The bar first follows the check, then the upload: say which.
  const [label, setLabel] = useState(t('check.reading'));
  const province = campaign.provinces.find((p) => p.id === provinceId);

  const submit = () =>
    run(async ({ onProgress, signal, setProgress }) => {
      setResult(null);
      setLocalError(null);
      if (!api) return setLocalError('needKey');
      setLabel(t('check.reading'));
      const outcome = await ops.check(campaign, { onProgress, signal, file: fileName });
      onOutcome(outcome);
      const target = provinceId || trackerProvince(outcome.report.records, campaign);
      if (!target) return setLocalError('needProvince');
      if (target !== provinceId) onProvince(target);
      setProgress(undefined);
      setLabel(t('submit.sending'));
      setResult(await api.submit(submissionRequest(outcome.report, { campaignId: campaign.id, provinceId: target, month })));
    });

  const errors = result?.issues.filter((i) => i.severity === 'error').length ?? 0;
  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <MonthField label={t('submit.month')} className={styles.grow} campaign={campaign} month={month} onMonth={onMonth} />
        <Field label={t('submit.province')} className={styles.grow}>
          <Dropdown
            value={province?.name ?? ''}
            selectedOptions={provinceId ? [provinceId] : []}
            onOptionSelect={(_, data) => data.optionValue && onProvince(data.optionValue)}
          >
            {campaign.provinces.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={submit} disabled={state.busy}>
          {state.error ? t('common.retry') : t('submit.run')}
        </Button>
      </div>
      <ActionStatus state={state} label={label} onCancel={cancel} />
      {localError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(localError === 'needKey' ? 'submit.needKey' : 'submit.needProvince')}</MessageBarBody>
          {localError === 'needKey' && onOpenSettings && (
            <MessageBarActions>
              <Button onClick={onOpenSettings}>{t('tab.settings')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {result && (
        <section aria-label={t('submit.resultLabel')} className={styles.panel}>
          {/* Stored either way; with errors the province still has work to do, so not a green "done". */}
          <MessageBar intent={result.duplicate ? 'info' : errors > 0 ? 'warning' : 'success'} role="status">
            <MessageBarBody>
              {result.duplicate
                ? t('submit.duplicate', { version: result.version })
                : t('submit.done', { version: result.version, count: result.recordCount })}
            </MessageBarBody>
          </MessageBar>
          {result.issues.length > 0 && (
            <>
              <Text>{t('submit.issues', { errors, warnings: result.issues.length - errors })}</Text>
              <ul className={styles.list}>
                {result.issues.slice(0, PROBLEMS_SHOWN).map((issue, index) => (
                  <li key={`${issue.row}-${issue.code}-${index}`} className={styles.muted}>
                    {issueText(lang, issue)}
                  </li>
                ))}
              </ul>
              <MoreProblems total={result.issues.length} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
