// 连接台账: shows where the tracker was found and how its columns map to our fields; the user corrects
// the mapping with dropdowns and saves it in the workbook — or creates the standard tracker, offered
// only where no tracker was found; beside a found tracker only behind 「另建一张新台账」 and a warning
// naming the tracker that stays (a new empty sheet would otherwise quietly become what is submitted).
import { Button, Dropdown, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Option, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { FIELD_KEYS, type Campaign, type ColumnMap, type FieldKey } from '../../../shared/types';
import type { Connection } from '../../flows';
import type { PaneOperations } from '../pane-operations';
import { fieldLabel, sheetList, useLang, useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { useAction } from './use-action';
import { usePanelStyles } from './styles';

export interface ConnectPanelProps {
  ops: PaneOperations;
  campaign: Campaign;
  /** undefined = not searched yet; null = no tracker in the workbook. */
  connection: Connection | null | undefined;
  onConnection: (connection: Connection | null) => void;
}

const NONE = '';

export function ConnectPanel({ ops, campaign, connection, onConnection }: ConnectPanelProps) {
  const t = useT();
  const lang = useLang();
  const styles = usePanelStyles();
  const { state, run } = useAction();
  const [sheets, setSheets] = useState<string[]>([]);
  const [draft, setDraft] = useState<{ sheet: string; headerRow: string; columns: ColumnMap } | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [askAnother, setAskAnother] = useState(false);

  useEffect(() => {
    setDraft(connection ? { sheet: connection.sheet, headerRow: String(connection.headerRow), columns: { ...connection.columns } } : null);
  }, [connection]);

  const search = () =>
    run(async ({ onProgress, signal }) => {
      setSuccess(null);
      const [found, names] = await Promise.all([ops.connect(campaign, { onProgress, signal }), ops.sheetNames()]);
      setSheets(names);
      onConnection(found);
    });

  useEffect(() => {
    if (connection === undefined) void search();
    else void run(async () => setSheets(await ops.sheetNames()));
    // Search once when the pane opens; later searches are the user's.
  }, []);

  const create = () =>
    run(async () => {
      setAskAnother(false);
      const outcome = await ops.createTracker(campaign);
      const found = await ops.connect(campaign);
      setSheets(await ops.sheetNames());
      onConnection(found);
      setSuccess(t('connect.created', { sheet: outcome.sheet }));
    });

  const save = () =>
    run(async () => {
      if (!draft) return;
      const found = await ops.saveMapping({ sheet: draft.sheet, headerRow: Number(draft.headerRow), columns: draft.columns }, campaign);
      onConnection(found);
      setSuccess(found ? t('connect.saved', { count: found.recordCount }) : null);
    });

  const columnLabel = (letter: string) => {
    const header = connection?.headers[letter];
    return header ? t('connect.column', { letter, header }) : letter;
  };
  const letters = connection ? Object.keys(connection.headers) : [];

  return (
    <div className={styles.panel}>
      {connection === undefined && state.busy && <Text>{t('connect.searching')}</Text>}
      {connection && connection.sheets.length === 1 && (
        <Text>{t('connect.found', { sheet: connection.sheet, headerRow: connection.headerRow, count: connection.recordCount })}</Text>
      )}
      {connection && connection.sheets.length > 1 && (
        <Text>{t('connect.foundSheets', { sheets: sheetList(lang, connection.sheets), count: connection.recordCount })}</Text>
      )}
      {connection && connection.otherSheets.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('connect.otherSheets', { sheets: sheetList(lang, connection.otherSheets), sheet: sheetList(lang, connection.sheets) })}</MessageBarBody>
        </MessageBar>
      )}
      {connection === null && <Text>{t('connect.none')}</Text>}
      <div className={styles.row}>
        {connection === null && (
          <Button appearance="primary" onClick={create} disabled={state.busy}>
            {t('connect.create')}
          </Button>
        )}
        <Button onClick={search} disabled={state.busy}>
          {t('connect.rescan')}
        </Button>
        {connection && !askAnother && (
          <Button appearance="subtle" onClick={() => setAskAnother(true)} disabled={state.busy}>
            {t('connect.createAnother')}
          </Button>
        )}
      </div>
      {connection && askAnother && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('connect.createAnotherWarning', { sheet: sheetList(lang, connection.sheets) })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={create} disabled={state.busy}>
              {t('connect.createAnotherConfirm')}
            </Button>
            <Button onClick={() => setAskAnother(false)}>{t('submit.cancel')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ActionStatus state={state} label={t('connect.searching')} success={success} />
      {connection && draft && (
        <section aria-label={t('connect.mappingTitle')} className={styles.panel}>
          <Text weight="semibold">{t('connect.mappingTitle')}</Text>
          <Text className={styles.muted}>{t('connect.mappingHint')}</Text>
          <div className={styles.row}>
            <Field label={t('connect.sheet')} className={styles.grow}>
              <Dropdown
                value={draft.sheet}
                selectedOptions={[draft.sheet]}
                onOptionSelect={(_, data) => setDraft({ ...draft, sheet: data.optionValue ?? draft.sheet })}
              >
                {sheets.map((name) => (
                  <Option key={name} value={name}>
                    {name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t('connect.headerRow')}>
              <Input
                type="number"
                min={1}
                value={draft.headerRow}
                onChange={(_, data) => setDraft({ ...draft, headerRow: data.value })}
              />
            </Field>
          </div>
          {FIELD_KEYS.map((field: FieldKey) => {
            const label = fieldLabel(lang, field);
            const letter = draft.columns[field] ?? NONE;
            return (
              <Field key={field} label={label} orientation="horizontal">
                <Dropdown
                  aria-label={label}
                  className={styles.fill}
                  value={letter === NONE ? t('common.notMapped') : columnLabel(letter)}
                  selectedOptions={[letter]}
                  onOptionSelect={(_, data) => {
                    const columns = { ...draft.columns };
                    if (!data.optionValue) delete columns[field];
                    else columns[field] = data.optionValue;
                    setDraft({ ...draft, columns });
                  }}
                >
                  <Option value={NONE}>{t('common.notMapped')}</Option>
                  {letters.map((l) => (
                    <Option key={l} value={l} text={columnLabel(l)}>
                      {columnLabel(l)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
          <div className={styles.row}>
            <Button appearance="primary" onClick={save} disabled={state.busy}>
              {t('connect.save')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
