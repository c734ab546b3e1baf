import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { ContentPageHeader } from './ContentPageHeader.tsx';
import { useSiteContent, useTeam } from './content-queries.ts';

/** `/about`: the academy's introduction and its visible team, rendered on the server. */
export function AboutPage() {
  const { t } = useTranslation();
  const intro = useSiteContent('about.intro');
  const team = useTeam().data?.items ?? [];
  return (
    <>
      <PageMeta
        title={intro.title || t('content.about.title')}
        description={t('content.about.metaDescription')}
      />
      <ContentPageHeader
        page="about"
        title={intro.title || t('content.about.title')}
        subtitle={t('content.about.subtitle')}
      />
      {intro.html ? (
        <div
          className="prose mt-10 max-w-3xl text-slate-800"
          // Sanitised by the server's allowlist when it was saved.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: stored rich text, sanitised on write
          dangerouslySetInnerHTML={{ __html: intro.html }}
        />
      ) : (
        <p className="mt-10 max-w-3xl text-lg text-slate-700">{t('content.about.fallback')}</p>
      )}
      <section aria-labelledby="team-title" className="mt-14">
        <h2 id="team-title" className="text-2xl font-bold tracking-tight text-slate-900">
          {t('content.about.teamTitle')}
        </h2>
        {team.length === 0 ? (
          <p className="mt-4 text-slate-700">{t('content.about.teamEmpty')}</p>
        ) : (
          <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {team.map((m) => (
              <li key={m.id} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
                <div className="flex items-center gap-4">
                  <Avatar user={{ name: m.name, avatarUrl: m.photoUrl }} size="lg" />
                  <div>
                    <h3 className="text-lg font-semibold text-slate-900">{m.name}</h3>
                    <p className="text-sm text-slate-700">{m.role}</p>
                  </div>
                </div>
                {m.bio
                  ? m.bio.split(/\n{2,}/).map((para) => (
                      <p key={para} className="mt-3 whitespace-pre-line text-slate-700">
                        {para}
                      </p>
                    ))
                  : null}
                {m.links.length ? (
                  <ul className="mt-4 flex flex-wrap gap-3 text-sm">
                    {m.links.map((l) => (
                      <li key={l.url}>
                        <a
                          href={l.url}
                          rel="noopener noreferrer nofollow"
                          target="_blank"
                          className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
                        >
                          {l.label}
                          <span className="sr-only"> — {m.name}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
