import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';

type RecoveryCodesPanelProps = { codes: string[]; onDone: () => void };

/** Shows fresh recovery codes once, with a copy button; they cannot be shown again. */
export function RecoveryCodesPanel({ codes, onDone }: RecoveryCodesPanelProps) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <div className="space-y-5">
      <Alert tone="warning">{t('account.twoFactor.recoveryWarning')}</Alert>
      <ol
        data-testid="recovery-codes"
        aria-label={t('account.twoFactor.recoveryCodes')}
        className="grid gap-2 rounded-xl border border-slate-200 bg-slate-50 p-4 font-mono text-sm text-slate-900 sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} dir="ltr" className="text-start">
            {code}
            {'\n'}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('account.twoFactor.copyCodes')}
        </Button>
        <Button onClick={onDone}>{t('account.twoFactor.done')}</Button>
        <span aria-live="polite" className="text-sm text-slate-700">
          {copyState === 'copied' ? t('account.twoFactor.copied') : null}
          {copyState === 'failed' ? t('account.twoFactor.copyFailed') : null}
        </span>
      </div>
    </div>
  );
}
