import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MeResponse } from '@9tangle/contracts';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ifNoneMatchHits,
  PRIVATE_NO_STORE,
  type PublicCachePolicy,
  publicCacheControl,
  setsCookie,
  weakEtag,
} from './public-cache.ts';

interface RenderResult {
  html: string;
  head: string;
  status: number;
  lang: string;
  dir: 'ltr' | 'rtl';
}
/** A query the page will ask for, answered on the server so the HTML is complete without JavaScript. */
export interface SeededQuery {
  /** The TanStack Query key the web app uses for this data. */
  key: unknown[];
  data: unknown;
}
/**
 * Answers the data a page needs, from the services (no HTTP round trip), or null when the path is not
 * its page. The web app seeds these into its query cache before rendering, on the server and again
 * when it hydrates, so both render the same markup.
 */
export type PageLoader = (page: {
  path: string;
  query: URLSearchParams;
  req: FastifyRequest;
}) => Promise<SeededQuery[] | null>;

/** Which pages are the same for every signed-out visitor, and the version of the data they show. */
export interface PublicPages {
  isPublic: (path: string) => boolean;
  version: () => Promise<string>;
}

interface AppState {
  me: MeResponse | null;
  lang: string;
  queries: SeededQuery[];
}
type Render = (url: string, state: AppState) => Promise<RenderResult>;

const LANGS = ['en', 'ur'];

/** The reader's language: the `lang` cookie, else the first supported one in Accept-Language. */
export function pickLanguage(req: FastifyRequest): string {
  const fromCookie = req.cookies.lang;
  if (fromCookie && LANGS.includes(fromCookie)) return fromCookie;
  const accept = req.headers['accept-language'] ?? '';
  for (const part of accept.split(',')) {
    const code = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (code && LANGS.includes(code)) return code;
  }
  return 'en';
}

/** Data for the page's JSON block: `<` is escaped so the data can never close the script element. */
export function stateScript(state: unknown): string {
  const json = JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="__APP_STATE__">${json}</script>`;
}

/**
 * Serves the built web app: hashed assets with immutable caching, and every page rendered on the server
 * (title, meta tags, the signed-in state) and then hydrated in the browser.
 */
export async function registerWeb(
  app: FastifyInstance,
  opts: {
    webDist: string;
    publicUrl: URL;
    loadMe: (req: FastifyRequest) => Promise<MeResponse | null>;
    loaders?: PageLoader[];
    /** Pages every visitor sees the same, cached publicly when signed out (ADR 020). */
    publicPages?: PublicPages;
    publicCache: PublicCachePolicy;
    /** The server's version: a new release never answers 304 to an old page. */
    version: string;
  },
): Promise<void> {
  const template = await readFile(join(opts.webDist, 'client', 'index.html'), 'utf8');
  const serverEntry = join(opts.webDist, 'server', 'entry-server.js');
  const { render } = (await import(pathToFileURL(serverEntry).href)) as { render: Render };
  const canonicalBase = opts.publicUrl.origin;
  // A new build changes the ETag of every page: the template names the hashed assets, and the server
  // bundle holds the components and strings.
  const build = weakEtag(opts.version, canonicalBase, template, await readFile(serverEntry, 'utf8'));

  await app.register(fastifyStatic, {
    root: join(opts.webDist, 'client', 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    preCompressed: false,
  });

  app.get('/*', { config: { rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // Unknown API paths belong to the (rate-limited) JSON 404 handler, not to the page renderer.
    if (path.startsWith('/api/') || path === '/api') return reply.callNotFound();
    const lang = pickLanguage(req);
    // Signed out, a public page is a function of its URL, language, the catalog's version and the
    // build: its ETag is known before anything is loaded or rendered.
    const etag =
      !req.user && opts.publicPages?.isPublic(path)
        ? weakEtag(build, await opts.publicPages.version(), lang, req.url)
        : null;
    if (etag && ifNoneMatchHits(req.headers['if-none-match'], etag))
      return reply.code(304).headers(publicHeaders(etag)).send();
    const me = await opts.loadMe(req);
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    const queries: SeededQuery[] = [];
    for (const load of opts.loaders ?? []) {
      const found = await load({ path, query, req });
      if (found) queries.push(...found);
    }
    const state: AppState = { me, lang, queries };
    const r = await render(req.url, state);
    const html = template
      .replace('lang="en" dir="ltr"', `lang="${r.lang}" dir="${r.dir}"`)
      .replace('<!--app-head-->', r.head.replaceAll('__CANONICAL__', canonicalBase))
      .replace('<!--app-html-->', r.html)
      .replace('<!--app-state-->', stateScript(state));
    reply.code(r.status).header('content-type', 'text/html; charset=utf-8');
    // Only a page that rendered fine is stored publicly: never a "not found", an error or a signed-in page.
    if (etag && r.status === 200 && !setsCookie(reply)) return reply.headers(publicHeaders(etag)).send(html);
    return reply
      .header('cache-control', me ? PRIVATE_NO_STORE : 'no-store')
      .header('vary', 'Cookie, Accept-Language')
      .send(html);
  });

  function publicHeaders(etag: string) {
    return {
      etag,
      'cache-control': publicCacheControl(opts.publicCache),
      vary: 'Cookie, Accept-Language',
    };
  }
}
