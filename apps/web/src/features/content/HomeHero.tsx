import { contentImageUrl, type HomeHero as HomeHeroValue } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { useMe } from '../session/use-me.ts';
import { useSiteContent } from './content-queries.ts';

/** A call to action: a path stays in the app's router; an https address leaves the site. */
function Cta({ label, href }: { label: string; href: string }) {
  return (
    <Button asChild size="lg" variant="secondary">
      {href.startsWith('/') ? (
        <Link to={href}>{label}</Link>
      ) : (
        <a href={href} rel="noopener noreferrer">
          {label}
        </a>
      )}
    </Button>
  );
}

/**
 * The home page's banner from `home.hero` (server-rendered); each empty part falls back to the
 * built-in strings and buttons, so a fresh academy still has a complete home page. With `preview`
 * (the admin's editor) it shows that value instead, inert, under an h2.
 */
export function HomeHero({ preview }: { preview?: HomeHeroValue }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const saved = useSiteContent('home.hero');
  const hero = preview ?? saved;
  const Heading = preview ? 'h2' : 'h1';
  const image = hero.imageKey ? contentImageUrl(hero.imageKey) : null;
  return (
    <section
      aria-labelledby={preview ? undefined : 'home-title'}
      aria-label={preview ? t('home.title') : undefined}
      inert={preview ? true : undefined}
      className="relative isolate overflow-hidden rounded-3xl bg-linear-to-br from-indigo-700 via-indigo-600 to-violet-700 px-6 py-14 text-white shadow-lg sm:px-12 sm:py-20"
    >
      {image ? (
        <img src={image} alt="" className="absolute inset-0 -z-10 size-full object-cover opacity-30" />
      ) : null}
      <p className="text-sm font-semibold uppercase tracking-wider text-indigo-100">
        {hero.eyebrow || t('home.eyebrow')}
      </p>
      <Heading
        id={preview ? undefined : 'home-title'}
        className="mt-3 max-w-2xl text-4xl font-extrabold tracking-tight sm:text-5xl"
      >
        {hero.title || t('home.title')}
      </Heading>
      <p className="mt-5 max-w-2xl text-lg text-indigo-50">{hero.subtitle || t('home.intro')}</p>
      <div className="mt-8 flex flex-wrap gap-3">
        {hero.ctas.length ? (
          hero.ctas.map((c) => <Cta key={`${c.href}-${c.label}`} {...c} />)
        ) : (
          <>
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
          </>
        )}
      </div>
    </section>
  );
}
