import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { organizationJsonLd } from '../../lib/json-ld.ts';
import { FeaturedCourses } from '../featured-courses/FeaturedCourses.tsx';
import { useMe } from '../session/use-me.ts';
import { ValueIcon, type ValueIconName } from './ValueIcon.tsx';

const VALUES: ValueIconName[] = ['practitioners', 'pace', 'certificates'];

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();

  return (
    <>
      <PageMeta
        title={t('home.metaTitle')}
        description={t('home.metaDescription')}
        jsonLd={[organizationJsonLd()]}
      />
      <section
        aria-labelledby="home-title"
        className="overflow-hidden rounded-3xl bg-linear-to-br from-indigo-700 via-indigo-600 to-violet-700 px-6 py-14 text-white shadow-lg sm:px-12 sm:py-20"
      >
        <p className="text-sm font-semibold uppercase tracking-wider text-indigo-100">{t('home.eyebrow')}</p>
        <h1 id="home-title" className="mt-3 max-w-2xl text-4xl font-extrabold tracking-tight sm:text-5xl">
          {t('home.title')}
        </h1>
        <p className="mt-5 max-w-2xl text-lg text-indigo-50">{t('home.intro')}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Button asChild size="lg" variant="secondary">
            <Link to="/courses">{t('home.browseCourses')}</Link>
          </Button>
          {me ? (
            <Button asChild size="lg" variant="inverse">
              <Link to="/profile">{t('home.goToAccount')}</Link>
            </Button>
          ) : (
            <>
              <Button asChild size="lg" variant="inverse">
                <Link to="/register">{t('home.ctaRegister')}</Link>
              </Button>
              <Button asChild size="lg" variant="inverse">
                <Link to="/login">{t('home.ctaLogin')}</Link>
              </Button>
            </>
          )}
        </div>
      </section>

      <FeaturedCourses />

      <section aria-labelledby="values-title" className="mt-14">
        <h2 id="values-title" className="text-2xl font-bold tracking-tight text-slate-900">
          {t('home.valuesTitle')}
        </h2>
        <ul className="mt-6 grid gap-6 md:grid-cols-3">
          {VALUES.map((value) => (
            <li key={value} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <span
                aria-hidden="true"
                className="grid size-11 place-items-center rounded-xl bg-violet-100 text-violet-800"
              >
                <ValueIcon name={value} />
              </span>
              <h3 className="mt-4 text-lg font-semibold text-slate-900">{t(`home.values.${value}.title`)}</h3>
              <p className="mt-2 text-slate-700">{t(`home.values.${value}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
