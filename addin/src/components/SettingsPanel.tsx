// 设置: the API address and key, kept in this browser's local storage only (never in the workbook).
// "Save and verify" asks the API who the key belongs to: the central key unlocks the central screens.
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Settings } from '../services/settings';
import { useT } from '../i18n';
import { ActionStatus } from './ActionStatus';
import { useAction } from './use-action';
import { usePanelStyles } from './styles';

export type KeyRole = 'unknown' | 'province' | 'central';

export interface SettingsPanelProps {
  settings: Settings;
  role: KeyRole;
  /** The province of a provincial key, as the API named it. */
  provinceName?: string | null;
  /** Saves the settings and finds out the key's role (throws what the API answered). */
  onSave: (settings: Settings) => Promise<KeyRole>;
}

export function SettingsPanel({ settings, role, provinceName, onSave }: SettingsPanelProps) {
  const t = useT();
  const styles = usePanelStyles();
  const { state, run } = useAction();
  const [apiUrl, setApiUrl] = useState(settings.apiUrl);
  const [apiKey, setApiKey] = useState(settings.apiKey);

  const save = () => run(() => onSave({ ...settings, apiUrl: apiUrl.trim(), apiKey: apiKey.trim() }));
  const verified =
    role === 'central'
      ? t('settings.central')
      : role === 'province'
        ? provinceName
          ? t('settings.provinceNamed', { province: provinceName })
          : t('settings.province')
        : null;

  return (
    <form
      className={styles.panel}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t('settings.apiUrl')} hint={t('settings.apiUrlHint')}>
        <Input type="url" value={apiUrl} placeholder="https://…" onChange={(_, data) => setApiUrl(data.value)} />
      </Field>
      <Field label={t('settings.apiKey')} hint={t('settings.keyHint')}>
        <Input type="password" value={apiKey} onChange={(_, data) => setApiKey(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={state.busy}>
          {t('settings.save')}
        </Button>
      </div>
      <ActionStatus state={state} label={t('common.working')} success={verified} />
    </form>
  );
}
