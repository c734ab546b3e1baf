import type { PageLoader, SeededQuery } from '../../http/web.ts';
import type { FaqService } from './faq/faq.service.ts';
import type { SiteContentService } from './pages/site-content.service.ts';
import type { TeamService } from './team/team.service.ts';

/** The query keys the web app reads site content under (`features/content/content-queries.ts`). */
export const contentQueryKeys = {
  content: (key: string) => ['site-content', key],
  team: ['site-team'],
  faq: ['site-faq'],
};

const PAGES = new Set(['/about', '/contact', '/faq', '/privacy', '/terms']);

/**
 * The site-content pages, the same for every signed-out visitor: cached publicly with an ETag made from
 * the shared catalog version (ADR 020, 029), which every content write bumps. `/` is the catalog's.
 */
export function isPublicContentPage(path: string): boolean {
  return PAGES.has(path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path);
}

/** The data of the home hero and the content pages, answered on the server so it is in the HTML. */
export function contentPageLoaders(d: {
  content: SiteContentService;
  team: TeamService;
  faq: FaqService;
}): PageLoader[] {
  const key = contentQueryKeys;
  const headers = async (): Promise<SeededQuery> => ({
    key: key.content('page_headers'),
    data: await d.content.get('page_headers'),
  });
  return [
    async ({ path }) => {
      if (path !== '/') return null;
      return [{ key: key.content('home.hero'), data: await d.content.get('home.hero') }];
    },
    async ({ path }) => {
      if (!isPublicContentPage(path)) return null;
      const page = path.replace(/\/$/, '');
      const [common, own] = await Promise.all([
        headers(),
        (async (): Promise<SeededQuery[]> => {
          if (page === '/about')
            return [
              { key: key.content('about.intro'), data: await d.content.get('about.intro') },
              { key: key.team, data: await d.team.listPublic() },
            ];
          if (page === '/contact')
            return [{ key: key.content('contact.details'), data: await d.content.get('contact.details') }];
          if (page === '/faq') return [{ key: key.faq, data: await d.faq.listPublic() }];
          const legal = page === '/privacy' ? 'legal.privacy' : 'legal.terms';
          return [{ key: key.content(legal), data: await d.content.get(legal) }];
        })(),
      ]);
      return [common, ...own];
    },
  ];
}
