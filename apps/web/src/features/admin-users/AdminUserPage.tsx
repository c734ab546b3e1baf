import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate, formatDateTime } from '../../lib/format-date.ts';
import { AuthEventsTable } from '../admin-audit/AuthEventsTable.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { useAdminUser } from './admin-users-queries.ts';
import { UserActions } from './UserActions.tsx';
import { UserRecords } from './UserRecords.tsx';
import { UserStatusBadge } from './UserStatusBadge.tsx';
import { useAdminUsersError } from './use-admin-error.ts';

/** `/admin/users/:id`: one account, what it holds, its security journal, and the admin's actions. */
export function AdminUserPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return <AdminUser meId={me.user.id} />;
}

function AdminUser({ meId }: { meId: string }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useAdminUsersError();
  const query = useAdminUser(id);
  const [done, setDone] = useState<string | null>(null);
  const lang = i18n.language;

  if (query.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (query.isError)
    return (
      <>
        <PageMeta title={t('adminUsers.detail.title')} description={t('meta.private')} noIndex />
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('adminUsers.detail.title')}</h1>
        <Alert tone="error" className="mt-6">
          {errorMessage(query.error)}
        </Alert>
        <p className="mt-4">
          <TextLink to="/admin/users">{t('adminUsers.detail.back')}</TextLink>
        </p>
      </>
    );
  const detail = query.data;
  const { user } = detail;
  const yesNo = (v: boolean) => (v ? t('adminUsers.yes') : t('adminUsers.no'));
  const facts: [string, string][] = [
    [t('adminUsers.role'), t(`adminUsers.roles.${user.role}`)],
    [t('adminUsers.email'), user.email],
    [t('adminUsers.detail.phone'), user.phone ?? '—'],
    [t('adminUsers.joined'), formatDate(user.createdAt, lang)],
    [
      t('adminUsers.lastSeen'),
      user.lastSeenAt ? formatDateTime(user.lastSeenAt, lang) : t('adminUsers.never'),
    ],
    [t('adminUsers.detail.emailVerified'), yesNo(user.emailVerified)],
    [t('adminUsers.detail.twoFactor'), yesNo(user.twoFactorEnabled)],
    [t('adminUsers.detail.activeSessions'), String(detail.activeSessions)],
    [t('adminUsers.detail.impersonatedSessions'), String(detail.impersonatedSessions)],
  ];
  if (user.suspendedAt)
    facts.push([t('adminUsers.detail.suspendedAt'), formatDateTime(user.suspendedAt, lang)]);
  if (user.anonymisedAt)
    facts.push([t('adminUsers.detail.anonymisedAt'), formatDateTime(user.anonymisedAt, lang)]);

  return (
    <>
      <PageMeta title={`${user.name} · ${t('adminUsers.title')}`} description={t('meta.private')} noIndex />
      <p>
        <TextLink to="/admin/users">{t('adminUsers.detail.back')}</TextLink>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{user.name}</h1>
        <UserStatusBadge status={user.status} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="text-lg font-semibold text-slate-900">{t('adminUsers.detail.profile')}</h2>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium text-slate-700">{k}</dt>
                <dd className="text-slate-900 break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card className="p-6">
          <h2 className="text-lg font-semibold text-slate-900">{t('adminUsers.detail.actions')}</h2>
          <div className="mt-4 space-y-4">
            {done ? <Alert tone="success">{done}</Alert> : null}
            <UserActions
              key={`${user.role}-${user.status}`}
              detail={detail}
              isSelf={user.id === meId}
              onDone={setDone}
            />
          </div>
          <p className="mt-4 text-sm">
            <TextLink to={`/admin/audit?targetId=${user.id}`}>{t('adminUsers.detail.auditLink')}</TextLink>
          </p>
        </Card>
      </div>
      <UserRecords detail={detail} />
      <section className="mt-8" aria-label={t('adminUsers.detail.authEvents')}>
        <h2 className="text-xl font-semibold text-slate-900">{t('adminUsers.detail.authEvents')}</h2>
        <div className="mt-3">
          {detail.authEvents.length === 0 ? (
            <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
              {t('adminUsers.detail.noAuthEvents')}
            </p>
          ) : (
            <AuthEventsTable items={detail.authEvents} caption={t('adminUsers.detail.authEvents')} />
          )}
        </div>
        <p className="mt-2 text-sm">
          <TextLink to={`/admin/auth-events?userId=${user.id}`}>
            {t('adminUsers.detail.allAuthEvents')}
          </TextLink>
        </p>
      </section>
    </>
  );
}
