import type { AdminUserSummary } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate, formatDateTime } from '../../lib/format-date.ts';
import { UserStatusBadge } from './UserStatusBadge.tsx';

/** One page of accounts: name (to the profile), email, role, status, joined, last seen. */
export function UsersTable({ items }: { items: AdminUserSummary[] }) {
  const { t, i18n } = useTranslation();
  const th = 'px-4 py-3 text-start font-semibold';
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[52rem] text-start text-sm">
        <caption className="sr-only">{t('adminUsers.title')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={th}>
              {t('adminUsers.name')}
            </th>
            <th scope="col" className={th}>
              {t('adminUsers.email')}
            </th>
            <th scope="col" className={th}>
              {t('adminUsers.role')}
            </th>
            <th scope="col" className={th}>
              {t('adminUsers.status')}
            </th>
            <th scope="col" className={th}>
              {t('adminUsers.joined')}
            </th>
            <th scope="col" className={th}>
              {t('adminUsers.lastSeen')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((u) => (
            <tr key={u.id}>
              <td className="px-4 py-3 font-medium">
                <TextLink to={`/admin/users/${u.id}`}>{u.name}</TextLink>
              </td>
              <td className="px-4 py-3 text-slate-700" dir="ltr">
                {u.email}
              </td>
              <td className="px-4 py-3">{t(`adminUsers.roles.${u.role}`)}</td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  <UserStatusBadge status={u.status} />
                  {u.twoFactorEnabled ? (
                    <span className="inline-block rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-900">
                      {t('adminUsers.twoFactorBadge')}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                {formatDate(u.createdAt, i18n.language)}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                {u.lastSeenAt ? formatDateTime(u.lastSeenAt, i18n.language) : t('adminUsers.never')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
