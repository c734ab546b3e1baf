import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { ADMIN_NAV } from './admin-nav.ts';

/** `/admin` until the dashboard exists: every area of the panel, one card each. */
export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <PageMeta title={t('adminPanel.title')} description={t('adminPanel.title')} noIndex />
      <h1 className="text-2xl font-semibold text-slate-900">{t('adminPanel.title')}</h1>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {ADMIN_NAV.map((group) => (
          <section key={group.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold text-slate-900">{t(group.label)}</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {group.links.map((l) => (
                <li key={l.to}>
                  <Link className="text-indigo-700 hover:underline" to={l.to}>
                    {t(l.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
