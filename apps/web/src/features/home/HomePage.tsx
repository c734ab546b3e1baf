import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { organizationJsonLd } from '../../lib/json-ld.ts';
import { HomeHero } from '../content/HomeHero.tsx';
import { FeaturedCourses } from '../featured-courses/FeaturedCourses.tsx';
import { ValueIcon, type ValueIconName } from './ValueIcon.tsx';

const VALUES: ValueIconName[] = ['practitioners', 'pace', 'certificates'];

export function HomePage() {
  const { t } = useTranslation();

  return (
    <>
      <PageMeta
        title={t('home.metaTitle')}
        description={t('home.metaDescription')}
        jsonLd={[organizationJsonLd()]}
      />
      <HomeHero />

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
