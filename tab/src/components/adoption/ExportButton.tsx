import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';

const useStyles = makeStyles({
  export: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Hands a downloaded file to the browser's own download, via a short-lived link. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; revoking at once can cancel it in some.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads the rows the table shows as CSV. A plain link cannot carry the bearer token, so the file
 * comes through the API client and is saved from memory. The outcome is announced politely.
 */
export function ExportButton(props: { path: string; fallbackName: string }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const download = async () => {
    setBusy(true);
    setStatus('');
    try {
      const file = await api.download(props.path, 'text/csv');
      const name = file.filename ?? props.fallbackName;
      saveFile(file.blob, name);
      setStatus(t('adoption.export.done', { file: name }));
    } catch (error) {
      setStatus(t('adoption.export.failed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.export}>
      <Button disabled={busy} onClick={() => void download()}>
        {busy ? t('adoption.export.busy') : t('adoption.export.button')}
      </Button>
      <Caption1 role="status" className={styles.status} data-testid="export-status">
        {status}
      </Caption1>
    </div>
  );
}
