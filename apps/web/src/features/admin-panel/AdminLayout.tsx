import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { cn } from '../../components/ui/cn.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useMe } from '../session/use-me.ts';
import { ADMIN_NAV } from './admin-nav.ts';

/**
 * `/admin/*`: the admin panel's frame — the grouped navigation beside the page. Loaded on demand
 * (its route is lazy), so only admins' browsers fetch the panel's code; anyone else sees the 404 page,
 * as the API answers them.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (me?.user.role !== 'admin') return <NotFoundPage />;
  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <nav aria-label={t('adminPanel.navLabel')} className="shrink-0 lg:w-56">
        <p className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-600">
          {t('adminPanel.title')}
        </p>
        <ul className="flex flex-wrap gap-x-6 gap-y-4 lg:flex-col">
          {ADMIN_NAV.map((group) => (
            <li key={group.label}>
              <p className="mb-1 text-sm font-semibold text-slate-900">{t(group.label)}</p>
              <ul className="space-y-0.5">
                {group.links.map((link) => (
                  <li key={link.to}>
                    <NavLink
                      to={link.to}
                      end={link.to === '/admin'}
                      className={({ isActive }) =>
                        cn(
                          'block rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900',
                          isActive && 'bg-indigo-50 font-medium text-indigo-800',
                        )
                      }
                    >
                      {t(link.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
