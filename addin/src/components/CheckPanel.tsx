// 检查: runs the check (cancellable, with progress), then shows the summary, each point's completeness
// with the requirements still missing, and the problems — clicking one selects its cell.
import { Badge, Button, MessageBar, MessageBarBody, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import type { Campaign, Issue, PointCompleteness } from '../../../shared/types';
import type { CheckOutcome } from '../../flows';
import type { PaneOperations } from '../pane-operations';
import { bilingual, issueText, sheetList, useLang, useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { useAction } from './use-action';
import { usePanelStyles } from './styles';

export interface CheckPanelProps {
  ops: PaneOperations;
  campaign: Campaign;
  fileName: string;
  outcome: CheckOutcome | null;
  onOutcome: (outcome: CheckOutcome) => void;
}

/** The pane lists this many problems; the sheet itself carries all of them. */
export const PROBLEMS_SHOWN = 200;

export function CheckPanel({ ops, campaign, fileName, outcome, onOutcome }: CheckPanelProps) {
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  const { state, run, cancel } = useAction();
  const selection = useAction();
  const [located, setLocated] = useState<string | null>(null);

  // 0 records here while another sheet holds a tracker: the wrong sheet is connected, not a clean tracker.
  const emptyBeside = outcome && outcome.report.records.length === 0 && (outcome.report.otherSheets?.length ?? 0) > 0 ? outcome.report : null;

  const runCheck = () =>
    run(async ({ onProgress, signal }) => {
      onOutcome(await ops.check(campaign, { onProgress, signal, file: fileName }));
    });

  return (
    <div className={styles.panel}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={runCheck} disabled={state.busy}>
          {t('check.run')}
        </Button>
      </div>
      <ActionStatus
        state={state}
        label={t('check.reading')}
        onCancel={cancel}
        success={outcome && !emptyBeside ? t('check.highlighted') : null}
      />
      {emptyBeside && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            {t('check.emptyBesideTracker', { sheet: emptyBeside.sheet, others: sheetList(lang, emptyBeside.otherSheets ?? []) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <CheckSummary
          outcome={outcome}
          campaign={campaign}
          onSelect={(issue) => {
            const { cell } = issue;
            if (!cell) return;
            // A tracker kept a sheet per month: the cell is on the issue's own sheet.
            const sheet = issue.sheet ?? outcome.report.sheet;
            void selection.run(async () => {
              await ops.select(sheet, cell);
              // Excel shows the selection itself; the in-memory workbook has no grid on screen, so say where.
              setLocated(ops.kind === 'memory' ? t('check.located', { sheet, cell }) : null);
            });
          }}
        />
      )}
      <ActionStatus state={selection.state} label={t('common.working')} success={located} />
    </div>
  );
}

function CheckSummary({ outcome, campaign, onSelect }: { outcome: CheckOutcome; campaign: Campaign; onSelect: (issue: Issue) => void }) {
  const t = useT();
  const styles = usePanelStyles();
  const { report } = outcome;
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const complete = report.completeness.filter((p) => p.complete).length;

  return (
    <>
      <Text role="status" aria-label={t('check.resultLabel')}>
        {t('check.summary', {
          records: report.records.length,
          errors,
          warnings: report.issues.length - errors,
          complete,
          points: report.completeness.length,
        })}
      </Text>
      <section aria-label={t('check.completeness')}>
        <Text weight="semibold">{t('check.completeness')}</Text>
        <ul className={styles.list}>
          {report.completeness.map((point) => (
            <li key={point.liaisonPointId} className={styles.item}>
              <Text weight="semibold">{point.name}</Text>
              <PointLeader pointId={point.liaisonPointId} campaign={campaign} />
              <PointStatus point={point} campaign={campaign} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t('check.problems')}>
        <Text weight="semibold">{t('check.problems')}</Text>
        {report.issues.length === 0 && !(report.records.length === 0 && (report.otherSheets?.length ?? 0) > 0) && <Text>{t('check.noProblems')}</Text>}
        <ul className={styles.list}>
          {report.issues.slice(0, PROBLEMS_SHOWN).map((issue, index) => (
            <li key={`${issue.sheet ?? ''}-${issue.row}-${issue.code}-${index}`}>
              {issue.cell ? (
                <Button appearance="transparent" className={styles.problem} onClick={() => onSelect(issue)}>
                  <ProblemLine issue={issue} />
                </Button>
              ) : (
                // No cell to select (the field has no column): plain text, not a greyed-out button.
                <div className={mergeClasses(styles.problem, styles.problemStatic)}>
                  <ProblemLine issue={issue} />
                </div>
              )}
            </li>
          ))}
        </ul>
        <MoreProblems total={report.issues.length} />
      </section>
    </>
  );
}

/** How many problems a list cut at PROBLEMS_SHOWN leaves out; nothing when it shows them all. */
export function MoreProblems({ total }: { total: number }) {
  const t = useT();
  const styles = usePanelStyles();
  if (total <= PROBLEMS_SHOWN) return null;
  return <Text className={styles.muted}>{t('check.more', { count: total - PROBLEMS_SHOWN })}</Text>;
}

/** The cell (or 第 4 行 when the field has no column) as a badge that never wraps, then the message. */
function ProblemLine({ issue }: { issue: Issue }) {
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  return (
    <span className={styles.problemLine}>
      <Badge className={styles.badge} color={issue.severity === 'error' ? 'danger' : 'warning'} shape="rounded">
        {issue.cell ?? t('check.rowLabel', { row: issue.row })}
      </Badge>
      <span>{issueText(lang, issue)}</span>
    </span>
  );
}

function PointStatus({ point, campaign }: { point: PointCompleteness; campaign: Campaign }) {
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  if (point.complete) return <Text className={styles.successText}>{t('check.complete')}</Text>;
  const names = point.missing.map((id) => {
    const requirement = campaign.requirements.find((r) => r.id === id);
    return requirement ? bilingual(lang, requirement.name, requirement.nameEn) : id;
  });
  return <Text className={styles.errorText}>{t('check.missing', { list: names.join(lang === 'en' ? ', ' : '、') })}</Text>;
}

/** 联系领导, when the central office has named the point's leader in the campaign. */
function PointLeader({ pointId, campaign }: { pointId: string; campaign: Campaign }) {
  const t = useT();
  const leader = campaign.points.find((p) => p.id === pointId)?.leader;
  return leader ? <Text size={200}>{t('check.leader', { leader })}</Text> : null;
}
