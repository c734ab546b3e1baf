import { TwoFactorCodeBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { readForm, validateForm } from '../../lib/forms.ts';

type CodeAction = {
  id: string;
  label: string;
  onCode: (code: string) => Promise<void>;
  variant?: ButtonProps['variant'];
};

type TwoFactorCodeFormProps = {
  actions: CodeAction[];
  /** The id of the action running now, if any. */
  busy: string | null;
  error: string | undefined;
  hint?: string;
  onCancel?: () => void;
};

/** One "Authentication code" field shared by the actions that need a current code. */
export function TwoFactorCodeForm({ actions, busy, error, hint, onCancel }: TwoFactorCodeFormProps) {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const action =
      actions.find((candidate) => candidate.id === submitter?.getAttribute('value')) ?? actions[0];
    const parsed = validateForm(TwoFactorCodeBody, readForm(event.currentTarget), t);
    setLocalError(parsed.ok ? undefined : parsed.errors.code);
    if (parsed.ok && action) void action.onCode(parsed.data.code);
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-5">
      <Field
        label={t('fields.authenticationCode')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        required
        hint={hint ?? t('account.twoFactor.codeHint')}
        error={localError ?? error}
        className="max-w-xs"
      />
      <div className="flex flex-wrap gap-3">
        {actions.map((action) => (
          <Button
            key={action.id}
            type="submit"
            name="action"
            value={action.id}
            variant={action.variant ?? 'primary'}
            isLoading={busy === action.id}
            disabled={busy !== null}
          >
            {action.label}
          </Button>
        ))}
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
