import type { i18n as I18n } from 'i18next';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProviders } from './AppProviders.tsx';
import type { AppState } from './app-state.ts';
import { SITE_NAME } from './components/PageMeta.tsx';
import { meQueryKey } from './features/session/use-me.ts';
import { createI18n, directionOf, type Language, resolveLanguage } from './i18n/index.ts';
import { type PageHead, type RenderRecorder, RenderRecorderContext } from './lib/render-context.ts';
import { renderHead } from './lib/render-head.ts';
import { seedQueries } from './lib/seed-queries.ts';
import { createQueryClient } from './query-client.ts';
import { routes } from './routes.tsx';

export type { AppState } from './app-state.ts';

export type RenderResult = {
  /** Goes in place of `<!--app-html-->`. */
  html: string;
  /**
   * Goes in place of `<!--app-head-->`; absolute URLs (canonical, og:url, og:image, JSON-LD) start
   * with the literal `__CANONICAL__`.
   */
  head: string;
  status: number;
  lang: string;
  dir: 'ltr' | 'rtl';
};

const handler = createStaticHandler(routes);
// One i18next instance per language, made once: a render is synchronous (renderToString), nothing
// changes an instance's language, so concurrent requests cannot see each other's. Making and
// initialising one per render was a tenth of a page's server time.
const i18ns = new Map<Language, I18n>();
const i18nFor = (lang: Language): I18n => {
  let i18n = i18ns.get(lang);
  if (!i18n) {
    i18n = createI18n(lang);
    i18ns.set(lang, i18n);
  }
  return i18n;
};

/**
 * Renders the page at `url` (path and query, e.g. `/login?next=%2Fprofile`) for the signed-in state
 * and the data (`state.queries`) the server already has. Everything is escaped; the only scripts in
 * the head are JSON-LD data blocks, which browsers never execute.
 */
export async function render(url: string, state: AppState): Promise<RenderResult> {
  const lang = resolveLanguage(state.lang);
  const i18n = i18nFor(lang);
  const queryClient = createQueryClient();
  queryClient.setQueryData(meQueryKey, state.me);
  seedQueries(queryClient, state.queries);

  // Prefix the origin ourselves: `new URL('//host/x', base)` would read a leading `//` as a host.
  const request = new Request(`http://localhost${url.startsWith('/') ? url : `/${url}`}`);
  const context = await handler.query(request);
  if (context instanceof Response) throw new Error(`Unexpected response while rendering ${url}`);

  const router = createStaticRouter(handler.dataRoutes, context);
  const recorder: RenderRecorder = { head: null, status: 200 };
  const html = renderToString(
    <RenderRecorderContext.Provider value={recorder}>
      <AppProviders queryClient={queryClient} i18n={i18n}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProviders>
    </RenderRecorderContext.Provider>,
  );
  queryClient.clear();

  const pageHead: PageHead = recorder.head ?? {
    title: SITE_NAME,
    description: i18n.t('home.metaDescription'),
    noIndex: false,
  };
  return {
    html,
    head: renderHead(pageHead, context.location.pathname, SITE_NAME),
    status: context.statusCode !== 200 ? context.statusCode : recorder.status,
    lang,
    dir: directionOf(lang),
  };
}
