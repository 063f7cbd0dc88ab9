// 报送: reads the tracker (without writing into it), asks the server what submitting it would do, and
// shows that preview — 「本次 N 条（新增 a 条，删除 b 条，修改 c 条）；上次报送 M 条」 with any removed
// records listed — before anything is stored. Removing records takes a second, explicit confirmation,
// which names the snapshot it applies to (the server refuses a confirmation for another version).
import { Button, Checkbox, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { SnapshotDiffView, SubmissionPreview, SubmissionRequest } from '../../../shared/api';
import { dateLabel, monthLabel } from '../../../shared/calendar';
import { reportingDeadline } from '../../../shared/reporting-month';
import { previewSummary, recordLine } from '../../../shared/submission-text';
import type { Campaign, IsoMonth } from '../../../shared/types';
import { submissionRequest } from '../../flows';
import type { PaneOperations } from '../pane-operations';
import { ApiFailure, type ApiClient, type SubmitResult } from '../services/api-client';
import { trackerProvince } from '../../../shared';
import { bilingual, issueText, useLang, useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { MoreProblems, PROBLEMS_SHOWN } from './CheckPanel';
import { MonthField, monthText } from './MonthField';
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
  /** The province a provincial key was made for: then the province is fixed, not chosen. */
  keyProvinceId?: string | null;
  /** Shows the settings screen (where the key goes). */
  onOpenSettings?: () => void;
}

interface Pending {
  request: SubmissionRequest;
  preview: Pick<SubmissionPreview, 'diff' | 'replaces' | 'needsConfirmation' | 'confirm' | 'issues' | 'late' | 'due'>;
  raced: boolean;
}

/** After these a retry cannot help: the key has to change first. */
const NO_RETRY = new Set(['unauthorized', 'forbidden']);

export function SubmitPanel(props: SubmitPanelProps) {
  const { ops, campaign, fileName, api, month, onMonth, provinceId, onProvince, keyProvinceId, onOpenSettings } = props;
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  const { state, run, cancel } = useAction();
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [localError, setLocalError] = useState<'needKey' | 'needProvince' | null>(null);
  const [label, setLabel] = useState(t('check.reading'));
  const fixedProvince = keyProvinceId ?? null;
  const province = campaign.provinces.find((p) => p.id === (fixedProvince ?? provinceId));
  const deadline = reportingDeadline(campaign, month);
  const dueText = lang === 'en' ? deadline.due : deadline.label.replace(/^.*截止 /, '');

  /** Remembers why an API call failed, so the button never offers 重试 where it cannot help. */
  const remembering = async <T,>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.code : null);
      throw error;
    }
  };

  const preview = () =>
    run(async ({ onProgress, signal, setProgress }) => {
      setResult(null);
      setPending(null);
      setConfirmed(false);
      setLocalError(null);
      setFailure(null);
      if (!api) return setLocalError('needKey');
      setLabel(t('check.reading'));
      const report = await ops.review(campaign, { onProgress, signal, file: fileName });
      const target = fixedProvince ?? (provinceId || trackerProvince(report.records, campaign));
      if (!target) return setLocalError('needProvince');
      if (target !== provinceId) onProvince(target);
      setProgress(undefined);
      setLabel(t('submit.previewing'));
      const request = submissionRequest(report, { campaignId: campaign.id, provinceId: target, month });
      setPending({ request, preview: await remembering(() => api.preview(request)), raced: false });
    });

  const submit = () =>
    run(async () => {
      if (!api || !pending) return;
      setLabel(t('submit.sending'));
      setFailure(null);
      try {
        setResult(await remembering(() => api.submit(pending.request, pending.preview.confirm)));
        setPending(null);
      } catch (error) {
        // Someone stored another version after the preview: show the new diff and ask again.
        const details = error instanceof ApiFailure && error.serverMessage?.code === 'would-remove-records' ? error.serverMessage.details : null;
        if (!details) throw error;
        const d = details as { diff: SnapshotDiffView; replaces: SubmissionPreview['replaces']; confirm: string };
        setConfirmed(false);
        setPending({ ...pending, preview: { ...pending.preview, diff: d.diff, replaces: d.replaces, confirm: d.confirm, needsConfirmation: true }, raced: true });
      }
    });

  const errors = result?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const warnings = (result?.issues.length ?? 0) - errors;
  const offerRetry = state.error !== null && !(failure !== null && NO_RETRY.has(failure));
  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <div className={styles.grow}>
          <MonthField label={t('submit.month')} campaign={campaign} month={month} onMonth={onMonth} />
          <Text size={200} className={styles.muted}>
            {t('submit.deadline', { month: lang === 'en' ? monthText(month, lang) : monthLabel(month), due: dueText })}
          </Text>
        </div>
        <Field label={t('submit.province')} className={styles.grow}>
          {fixedProvince ? (
            <Text>{t('submit.fixedProvince', { province: province?.name ?? fixedProvince })}</Text>
          ) : (
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
          )}
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance={pending ? 'secondary' : 'primary'} onClick={preview} disabled={state.busy}>
          {offerRetry && !pending ? t('common.retry') : t('submit.run')}
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
      {pending && (
        <PreviewSection
          pending={pending}
          campaign={campaign}
          confirmed={confirmed}
          onConfirmed={setConfirmed}
          busy={state.busy}
          onSubmit={submit}
          onCancel={() => setPending(null)}
        />
      )}
      {result && (
        <section aria-label={t('submit.resultLabel')} className={styles.panel}>
          {/* Stored either way; with errors the province still has work to do, so not a green "done". */}
          <MessageBar intent={result.duplicate ? 'info' : errors > 0 || result.late ? 'warning' : 'success'} role="status">
            <MessageBarBody>
              {result.duplicate
                ? t('submit.duplicate', { version: result.version })
                : `${t('submit.done', { version: result.version, count: result.recordCount })}${result.late ? ` ${t('submit.lateNote', { due: dueText })}` : ''}`}
            </MessageBarBody>
          </MessageBar>
          {result.issues.length > 0 && (
            <>
              <Text>{errors > 0 ? t('submit.issues', { errors, warnings }) : t('submit.warningsOnly', { warnings })}</Text>
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

interface PreviewSectionProps {
  pending: Pending;
  campaign: Campaign;
  confirmed: boolean;
  onConfirmed: (value: boolean) => void;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

function PreviewSection({ pending, campaign, confirmed, onConfirmed, busy, onSubmit, onCancel }: PreviewSectionProps) {
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  const { diff, replaces, needsConfirmation, issues } = pending.preview;
  const summary = previewSummary(diff, replaces);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const emptied = diff.nextCount === 0 && diff.previousCount > 0;
  return (
    <section aria-label={t('submit.previewLabel')} className={styles.panel}>
      {pending.raced && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('submit.raced')}</MessageBarBody>
        </MessageBar>
      )}
      <Text weight="semibold">{bilingual(lang, summary.zh, summary.en)}</Text>
      {pending.preview.late && <Text>{t('submit.lateNote', { due: lang === 'en' ? pending.preview.due : dateLabel(pending.preview.due) })}</Text>}
      {diff.changedCount > 0 && <Text className={styles.muted}>{t('submit.changedCount', { count: diff.changedCount })}</Text>}
      {issues.length > 0 && <Text className={styles.muted}>{t('submit.previewIssues', { errors, warnings: issues.length - errors })}</Text>}
      {needsConfirmation && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            {emptied ? t('submit.emptyWarning', { count: diff.previousCount }) : t('submit.removedTitle', { count: diff.removedCount })}
            <ul className={styles.list} aria-label={t('submit.removedTitle', { count: diff.removedCount })}>
              {diff.removed.map((r, i) => (
                <li key={`${r.sheet ?? ''}-${r.row}-${i}`}>{recordLine(r, campaign)}</li>
              ))}
            </ul>
            {diff.removedCount > diff.removed.length && <Text>{t('submit.moreRemoved', { count: diff.removedCount - diff.removed.length })}</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      {needsConfirmation && (
        <Checkbox checked={confirmed} onChange={(_, data) => onConfirmed(data.checked === true)} label={t('submit.confirmRemoval', { count: diff.removedCount })} />
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={onSubmit} disabled={busy || (needsConfirmation && !confirmed)}>
          {t('submit.confirm')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('submit.cancel')}
        </Button>
      </div>
    </section>
  );
}
