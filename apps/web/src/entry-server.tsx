import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProviders } from './AppProviders.tsx';
import type { AppState } from './app-state.ts';
import { SITE_NAME } from './components/PageMeta.tsx';
import { meQueryKey } from './features/session/use-me.ts';
import { createI18n, directionOf, resolveLanguage } from './i18n/index.ts';
import { type PageHead, type RenderRecorder, RenderRecorderContext } from './lib/render-context.ts';
import { createQueryClient } from './query-client.ts';
import { routes } from './routes.tsx';

export type { AppState } from './app-state.ts';

export type RenderResult = {
  /** Goes in place of `<!--app-html-->`. */
  html: string;
  /** Goes in place of `<!--app-head-->`; the canonical and og:url hrefs start with the literal `__CANONICAL__`. */
  head: string;
  status: number;
  lang: string;
  dir: 'ltr' | 'rtl';
};

const handler = createStaticHandler(routes);

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function renderHead(head: PageHead, pathname: string): string {
  const title = escapeHtml(`${head.title} · ${SITE_NAME}`);
  const description = escapeHtml(head.description);
  const canonical = `__CANONICAL__${escapeHtml(pathname)}`;
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}">`,
    head.noIndex ? '<meta name="robots" content="noindex">' : '',
    `<link rel="canonical" href="${canonical}">`,
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    '<meta property="og:type" content="website">',
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta property="og:url" content="${canonical}">`,
    '<meta name="twitter:card" content="summary">',
  ]
    .filter(Boolean)
    .join('\n    ');
}

/**
 * Renders the page at `url` (path and query, e.g. `/login?next=%2Fprofile`) for the signed-in state
 * the server already knows. Everything is escaped; the head holds no script.
 */
export async function render(url: string, state: AppState): Promise<RenderResult> {
  const lang = resolveLanguage(state.lang);
  const i18n = createI18n(lang);
  const queryClient = createQueryClient();
  queryClient.setQueryData(meQueryKey, state.me);

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

  const pageHead = recorder.head ?? {
    title: SITE_NAME,
    description: i18n.t('home.metaDescription'),
    noIndex: false,
  };
  return {
    html,
    head: renderHead(pageHead, context.location.pathname),
    status: context.statusCode !== 200 ? context.statusCode : recorder.status,
    lang,
    dir: directionOf(lang),
  };
}
