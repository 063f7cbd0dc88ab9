// 新增活动: a form whose fields show what the checker would say (the same shared validator and the same
// messages), appending one row to the tracker when nothing is an error.
import { Button, Dropdown, Field, Input, Option, Textarea, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { TYPE_LABELS } from '../../../shared';
import { CHOOSABLE_TYPES } from '../../../shared/template-layout';
import type { Campaign, FieldKey, Issue } from '../../../shared/types';
import type { ActivityInput, Connection } from '../../flows';
import type { PaneOperations } from '../pane-operations';
import { bilingual, fieldLabel, issueText, useLang, useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { useAction } from './use-action';
import { usePanelStyles } from './styles';

export interface AddActivityPanelProps {
  ops: PaneOperations;
  campaign: Campaign;
  connection: Connection | null | undefined;
  onAppended: () => void;
}

const LONG_TEXT: FieldKey[] = ['summary', 'remarks'];

export function AddActivityPanel({ ops, campaign, connection, onAppended }: AddActivityPanelProps) {
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  const { state, run } = useAction();
  const [input, setInput] = useState<ActivityInput>({});
  const [touched, setTouched] = useState<Set<FieldKey>>(new Set());
  const [success, setSuccess] = useState<string | null>(null);
  const [serverIssues, setServerIssues] = useState<Issue[] | null>(null);

  const fields = useMemo(
    () => (connection ? (Object.keys(connection.columns) as FieldKey[]) : []),
    [connection],
  );

  const issues = useMemo(() => {
    if (!connection || touched.size === 0) return [];
    try {
      return ops.validateActivity(input, connection, campaign, connection.headerRow + connection.recordCount + 1);
    } catch {
      // An empty row has nothing to validate yet; the append itself reports that case.
      return [];
    }
  }, [ops, input, connection, campaign, touched]);
  const shown = serverIssues ?? issues.filter((issue) => issue.field && touched.has(issue.field));

  if (!connection) return <Text className={styles.panel}>{t('add.needTracker')}</Text>;

  const set = (field: FieldKey, value: string) => {
    setInput((prev) => ({ ...prev, [field]: value }));
    setTouched((prev) => new Set(prev).add(field));
    setServerIssues(null);
    setSuccess(null);
  };

  const append = () =>
    run(async () => {
      setTouched(new Set(fields));
      const result = await ops.addActivity(campaign, connection, input);
      setServerIssues(result.issues);
      if (result.appended) {
        setSuccess(t('add.appended', { row: result.row }));
        setInput({});
        setTouched(new Set());
        setServerIssues(null);
        onAppended();
      }
    });

  const fieldIssue = (field: FieldKey) => {
    const found = shown.filter((issue) => issue.field === field);
    const worst = found.find((i) => i.severity === 'error') ?? found[0];
    return worst
      ? {
          validationState: worst.severity === 'error' ? ('error' as const) : ('warning' as const),
          validationMessage: found.map((i) => issueText(lang, i, false)).join('\n'),
        }
      : {};
  };

  const choice = (field: FieldKey, label: string, options: { value: string; text: string }[]) => {
    const value = input[field] ?? '';
    return (
      <Dropdown
        aria-label={label}
        value={options.find((o) => o.value === value)?.text ?? value}
        selectedOptions={value ? [value] : []}
        onOptionSelect={(_, data) => set(field, data.optionValue ?? '')}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    );
  };

  const control = (field: FieldKey, label: string) => {
    const value = input[field] ?? '';
    switch (field) {
      case 'liaisonPoint':
        return choice(field, label, campaign.points.map((point) => ({ value: point.name, text: point.name })));
      case 'type':
        return choice(
          field,
          label,
          // The sheet gets the Chinese name (what the checker reads); the list shows the pane's language.
          CHOOSABLE_TYPES.map((code) => ({
            value: TYPE_LABELS[code].zh,
            text: bilingual(lang, TYPE_LABELS[code].zh, TYPE_LABELS[code].en),
          })),
        );
      case 'date':
        return <Input type="date" value={value} onChange={(_, data) => set(field, data.value)} />;
      case 'participants':
        return <Input type="number" min={0} value={value} onChange={(_, data) => set(field, data.value)} />;
      default:
        return LONG_TEXT.includes(field) ? (
          <Textarea value={value} onChange={(_, data) => set(field, data.value)} />
        ) : (
          <Input value={value} onChange={(_, data) => set(field, data.value)} />
        );
    }
  };

  const blocked = shown.some((issue) => issue.severity === 'error');
  return (
    <form
      className={styles.panel}
      aria-label={t('tab.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void append();
      }}
    >
      {fields.map((field) => {
        const label = fieldLabel(lang, field);
        return (
          <Field key={field} label={label} {...fieldIssue(field)}>
            {control(field, label)}
          </Field>
        );
      })}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={state.busy}>
          {t('add.submit')}
        </Button>
        {blocked && <Text className={styles.errorText}>{t('add.blocked')}</Text>}
      </div>
      <ActionStatus state={state} label={t('common.working')} success={success} />
    </form>
  );
}
