import type { MeResponse, UserDto } from '@9tangle/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
} from '../../api/account.ts';
import { isApiError } from '../../api/client.ts';
import type { TwoFactorSetup } from '../../api/types.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { meQueryKey } from '../session/use-me.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { TwoFactorCodeForm } from './TwoFactorCodeForm.tsx';

/** Turn TOTP two-factor sign-in on (QR code → confirm → recovery codes) or off. */
export function TwoFactorSection({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  function setEnabled(enabled: boolean) {
    queryClient.setQueryData<MeResponse | null>(meQueryKey, (me) =>
      me ? { ...me, user: { ...me.user, twoFactorEnabled: enabled } } : me,
    );
  }

  async function run(action: string, task: () => Promise<void>) {
    setBusy(action);
    setStatus(null);
    setCodeError(undefined);
    try {
      await task();
    } catch (error) {
      if (isApiError(error, 'invalid_code')) setCodeError(errorMessage(error));
      else setStatus({ tone: 'error', text: errorMessage(error) });
      if (isApiError(error, 'two_factor_already_enabled') || isApiError(error, 'two_factor_not_enabled')) {
        setSetup(null);
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    } finally {
      setBusy(null);
    }
  }

  const begin = () => run('setup', async () => setSetup(await startTwoFactorSetup()));
  const enable = (code: string) =>
    run('enable', async () => {
      const result = await enableTwoFactor(code);
      setSetup(null);
      setRecoveryCodes(result.recoveryCodes);
      setEnabled(true);
    });
  const disable = (code: string) =>
    run('disable', async () => {
      await disableTwoFactor(code);
      setEnabled(false);
      setStatus({ tone: 'success', text: t('account.twoFactor.disabled') });
    });
  const regenerate = (code: string) =>
    run('regenerate', async () => setRecoveryCodes((await regenerateRecoveryCodes(code)).recoveryCodes));

  let body: ReactNode;
  if (recoveryCodes) {
    body = <RecoveryCodesPanel codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  } else if (setup) {
    body = (
      <div className="space-y-6">
        <ol className="list-decimal space-y-2 ps-5 text-slate-700">
          <li>{t('account.twoFactor.stepScan')}</li>
          <li>{t('account.twoFactor.stepConfirm')}</li>
        </ol>
        <div className="flex flex-col gap-6 sm:flex-row sm:items-center">
          <img
            src={setup.qrDataUrl}
            alt={t('account.twoFactor.qrAlt')}
            width={176}
            height={176}
            className="size-44 rounded-xl border border-slate-200 bg-white p-2"
          />
          <div className="min-w-0 space-y-1">
            <p className="text-sm font-medium text-slate-800">{t('account.twoFactor.secretLabel')}</p>
            <code
              data-testid="totp-secret"
              dir="ltr"
              className="block break-all rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900"
            >
              {setup.secret}
            </code>
          </div>
        </div>
        <TwoFactorCodeForm
          error={codeError}
          busy={busy}
          actions={[{ id: 'enable', label: t('account.twoFactor.enable'), onCode: enable }]}
          onCancel={() => setSetup(null)}
        />
      </div>
    );
  } else if (user.twoFactorEnabled) {
    body = (
      <div className="space-y-5">
        <p className="font-medium text-emerald-800">{t('account.twoFactor.isOn')}</p>
        <TwoFactorCodeForm
          error={codeError}
          busy={busy}
          hint={t('account.twoFactor.manageHint')}
          actions={[
            {
              id: 'regenerate',
              label: t('account.twoFactor.regenerate'),
              onCode: regenerate,
              variant: 'secondary',
            },
            { id: 'disable', label: t('account.twoFactor.disable'), onCode: disable, variant: 'danger' },
          ]}
        />
      </div>
    );
  } else {
    body = (
      <Button isLoading={busy === 'setup'} onClick={() => void begin()}>
        {t('account.twoFactor.setUp')}
      </Button>
    );
  }

  return (
    <SettingsSection
      id="two-factor"
      title={t('account.twoFactor.title')}
      description={t('account.twoFactor.description')}
    >
      {status ? (
        <Alert tone={status.tone} className="mb-5">
          {status.text}
        </Alert>
      ) : null}
      {body}
    </SettingsSection>
  );
}
