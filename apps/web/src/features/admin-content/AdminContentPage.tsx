import type { SiteContentDto, SiteContentEntry, SiteContentKey } from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from '../admin-shop/AdminOnly.tsx';
import { listSiteContent } from './admin-content-api.ts';
import { ContactDetailsEditor } from './ContactDetailsEditor.tsx';
import { HeroEditor } from './HeroEditor.tsx';
import { PageHeadersEditor } from './PageHeadersEditor.tsx';
import { RichPageEditor } from './RichPageEditor.tsx';
import { adminContentKey } from './use-save-content.ts';

const SECTIONS = ['hero', 'headers', 'contact', 'about', 'privacy', 'terms'] as const;
type Section = (typeof SECTIONS)[number];

/** `/admin/content`: the site's keyed content, one section at a time (`?section=`). */
export function AdminContentPage() {
  return (
    <AdminOnly>
      <ContentEditor />
    </AdminOnly>
  );
}

function ContentEditor() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const section: Section = SECTIONS.find((s) => s === params.get('section')) ?? 'hero';
  const all = useQuery({ queryKey: adminContentKey, queryFn: listSiteContent });
  const entry = <K extends SiteContentKey>(key: K) =>
    all.data?.items.find((i: SiteContentDto) => i.key === key) as SiteContentEntry<K> | undefined;

  function editor() {
    if (section === 'hero') {
      const e = entry('home.hero');
      return e ? <HeroEditor key="hero" initial={e.value} /> : null;
    }
    if (section === 'headers') {
      const e = entry('page_headers');
      return e ? <PageHeadersEditor key={section} initial={e.value} /> : null;
    }
    if (section === 'contact') {
      const e = entry('contact.details');
      return e ? <ContactDetailsEditor key={section} initial={e.value} /> : null;
    }
    const key = section === 'about' ? 'about.intro' : section === 'privacy' ? 'legal.privacy' : 'legal.terms';
    const e = entry(key);
    return e ? (
      <RichPageEditor
        key={key}
        contentKey={key}
        heading={t(`adminContent.sections.${section}`)}
        initial={e.value}
      />
    ) : null;
  }

  return (
    <>
      <PageMeta title={t('adminContent.title')} description={t('adminContent.description')} noIndex />
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('adminContent.title')}</h1>
      <p className="mt-1 text-slate-700">{t('adminContent.description')}</p>
      <nav aria-label={t('adminContent.sectionsLabel')} className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {SECTIONS.map((s) => (
            <li key={s}>
              <Link
                to={`?section=${s}`}
                aria-current={s === section ? 'page' : undefined}
                className={cn(
                  'inline-block rounded-lg px-3 py-1.5 text-sm font-medium',
                  s === section
                    ? 'bg-indigo-600 text-white'
                    : 'bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50',
                  focusRing,
                )}
              >
                {t(`adminContent.sections.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-6">
        {all.error ? <Alert tone="error">{errorMessage(all.error)}</Alert> : null}
        {all.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : editor()}
      </div>
    </>
  );
}
