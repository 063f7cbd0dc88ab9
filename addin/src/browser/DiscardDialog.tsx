// 「放弃并关闭」 asks first and lists what would be lost, with 先下载工作簿 as the way out.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ChangeKind } from '../pane-operations';
import { useT, type MessageKey } from '../i18n';

export type ChangeCounts = Partial<Record<ChangeKind, number>>;

const CHANGE_TEXT: Record<ChangeKind, MessageKey> = {
  template: 'change.template',
  mapping: 'change.mapping',
  activity: 'change.activity',
  edit: 'change.edit',
  check: 'change.check',
  aggregate: 'change.aggregate',
  report: 'change.report',
};

export interface DiscardDialogProps {
  open: boolean;
  /** The sentence above the list (whose file, which draft). */
  intro: string;
  changes: ChangeCounts;
  onDiscard: () => void;
  onCancel: () => void;
  /** Offered when the workbook is open: download instead of losing it. */
  onDownload?: () => void;
  /** Called once the dialog has finished closing (its exit motion done, its surface gone). */
  onClosed?: () => void;
}

export function DiscardDialog({ open, intro, changes, onDiscard, onCancel, onDownload, onClosed }: DiscardDialogProps) {
  const t = useT();
  const kinds = (Object.keys(CHANGE_TEXT) as ChangeKind[]).filter((kind) => (changes[kind] ?? 0) > 0);
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => !data.open && onCancel()}
      surfaceMotion={{ onMotionFinish: (_, data) => data.direction === 'exit' && onClosed?.() }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('browser.confirmTitle')}</DialogTitle>
          <DialogContent>
            <p>{intro}</p>
            <ul data-testid="discard-list">
              {kinds.length === 0 && <li>{t('change.unknown')}</li>}
              {kinds.map((kind) => (
                <li key={kind}>{t(CHANGE_TEXT[kind], { count: changes[kind] ?? 0 })}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions fluid>
            {onDownload && (
              <Button appearance="primary" onClick={onDownload}>
                {t('browser.downloadFirst')}
              </Button>
            )}
            <Button onClick={onCancel}>{t('browser.keepEditing')}</Button>
            <Button onClick={onDiscard}>{t('browser.confirmDiscard')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
