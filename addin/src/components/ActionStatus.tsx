// Progress, cancel and the outcome of a pane action, in one place under its buttons.
import { Button, MessageBar, MessageBarBody, ProgressBar, Field } from '@fluentui/react-components';
import type { ActionState } from './use-action';
import { useT } from '../i18n';
import { usePanelStyles } from './styles';

export interface ActionStatusProps {
  state: ActionState;
  label: string;
  onCancel?: () => void;
  success?: string | null;
}

export function ActionStatus({ state, label, onCancel, success }: ActionStatusProps) {
  const t = useT();
  const styles = usePanelStyles();
  return (
    <>
      {state.busy && (
        <div className={styles.row}>
          <Field className={styles.grow} validationMessage={label} validationState="none">
            <ProgressBar value={state.progress} max={1} aria-label={label} />
          </Field>
          {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        </div>
      )}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {!state.busy && !state.error && success && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{success}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
