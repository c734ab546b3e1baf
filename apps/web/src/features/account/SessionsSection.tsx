import type { SessionDto } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSessions, logoutEverywhere, revokeSession } from '../../api/auth.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';
import { sessionsQueryKey } from './account-queries.ts';
import { SettingsSection } from './SettingsSection.tsx';

/** The devices signed in to this account: revoke one, or sign out of all of them. */
export function SessionsSection() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [actionError, setActionError] = useState<string | null>(null);
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: listSessions });

  const revoke = useMutation({
    mutationFn: revokeSession,
    onMutate: () => setActionError(null),
    onSuccess: (_, id) =>
      queryClient.setQueryData<SessionDto[]>(sessionsQueryKey, (list) => list?.filter((s) => s.id !== id)),
    onError: (error) => setActionError(errorMessage(error)),
  });

  const signOutEverywhere = useMutation({
    mutationFn: logoutEverywhere,
    onMutate: () => setActionError(null),
    // A full page load drops every cached answer that belonged to the account.
    onSuccess: () => window.location.assign('/login'),
    onError: (error) => setActionError(errorMessage(error)),
  });

  return (
    <SettingsSection
      id="sessions"
      title={t('account.sessions.title')}
      description={t('account.sessions.description')}
    >
      {actionError ? (
        <Alert tone="error" className="mb-5">
          {actionError}
        </Alert>
      ) : null}
      {sessions.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {sessions.isError ? <Alert tone="error">{errorMessage(sessions.error)}</Alert> : null}
      {sessions.data ? (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {sessions.data.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              isRevoking={revoke.isPending && revoke.variables === session.id}
              onRevoke={() => revoke.mutate(session.id)}
            />
          ))}
        </ul>
      ) : null}
      <div className="mt-6">
        <Button
          variant="danger"
          isLoading={signOutEverywhere.isPending}
          onClick={() => signOutEverywhere.mutate()}
        >
          {t('account.sessions.signOutEverywhere')}
        </Button>
      </div>
    </SettingsSection>
  );
}

type SessionRowProps = { session: SessionDto; isRevoking: boolean; onRevoke: () => void };

function SessionRow({ session, isRevoking, onRevoke }: SessionRowProps) {
  const { t, i18n } = useTranslation();
  const { browser, os } = describeUserAgent(session.userAgent);
  const device =
    browser && os
      ? t('account.sessions.browserOnOs', { browser, os })
      : (browser ?? os ?? t('account.sessions.unknownDevice'));
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          {device}
          {session.current ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
              {t('account.sessions.current')}
            </span>
          ) : null}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {session.ip ? <span dir="ltr">{session.ip}</span> : t('account.sessions.unknownIp')}
          {' · '}
          {t('account.sessions.lastSeen', { date: formatDateTime(session.lastSeenAt, i18n.language) })}
        </p>
      </div>
      {session.current ? null : (
        <Button
          size="sm"
          variant="secondary"
          isLoading={isRevoking}
          onClick={onRevoke}
          aria-label={t('account.sessions.revokeLabel', { device })}
        >
          {t('account.sessions.revoke')}
        </Button>
      )}
    </li>
  );
}
