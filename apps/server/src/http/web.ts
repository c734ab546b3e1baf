import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accountShellOf, canShareAccountPages, type MeResponse, type Role } from '@9tangle/contracts';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HELD_SUBMITS_TAG } from './held-submits.ts';
import { acceptedEncoding, createPageCache } from './page-cache.ts';
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
 * when it hydrates, so both render the same markup. A loader knows the viewer's role and nothing else
 * of the account: a page is kept for every account of a role (ADR 039), so what a loader answers for a
 * shared or public page must be a function of the role and of data the pages' version covers.
 */
export type PageLoader = (page: {
  path: string;
  query: URLSearchParams;
  /** The signed-in viewer's role, null for a guest. */
  role: Role | null;
}) => Promise<SeededQuery[] | null>;

/** Which pages are the same for every signed-out visitor, and the version of the data they show. */
export interface PublicPages {
  isPublic: (path: string) => boolean;
  /**
   * The version of everything a page shows to a viewer of `role` (null: a guest), banners included:
   * a page kept under a key made with it is never stale.
   */
  version: (role: Role | null) => Promise<string>;
  /**
   * Pages every account of a role sees the same apart from the account itself (ADR 039): the public
   * pages and the signed-in pages whose server render uses only the role and versioned data.
   */
  isShared: (path: string) => boolean;
}

interface AppState {
  me: MeResponse | null;
  lang: string;
  queries: SeededQuery[];
}

/** Where the per-request part of a shared page goes: after the state block, before `</body>`. */
const OWN_SLOT = '<!--app-own-->';
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

/** A JSON data block: `<` is escaped so the data can never close the script element. */
function jsonScript(id: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** Data for the page's JSON block (`__APP_STATE__`). */
export const stateScript = (state: unknown): string => jsonScript('__APP_STATE__', state);

/** The account of a shared page, written per request after the page's state (`__APP_ACCOUNT__`). */
export const accountScript = (me: MeResponse): string => jsonScript('__APP_ACCOUNT__', me);

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
  const pages = createPageCache();

  await app.register(fastifyStatic, {
    root: join(opts.webDist, 'client', 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    // The build writes .br and .gz copies (scripts/precompress-assets.mjs); sent as they are.
    preCompressed: true,
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
        ? weakEtag(build, await opts.publicPages.version(null), lang, req.url)
        : null;
    if (etag && ifNoneMatchHits(req.headers['if-none-match'], etag))
      return reply.code(304).headers(publicHeaders(etag)).send();
    // A public page rendered before for this very ETag: its bytes, compressed once (ADR 037).
    if (etag && pages.has(etag) && !setsCookie(reply)) return sendCached(req, reply, etag);
    const me = await opts.loadMe(req);
    // Signed in, a shared page is the same for every account of the role but for the account itself,
    // which goes in its own block per request (ADR 039). The key names everything else it shows.
    const role = me?.user.role ?? null;
    const sharedKey =
      me && canShareAccountPages(me) && opts.publicPages?.isShared(path)
        ? weakEtag(build, await opts.publicPages.version(role), lang, req.url, `account:${role}`)
        : null;
    if (me && sharedKey && pages.has(sharedKey)) return sendShared(req, reply, sharedKey, me);
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    const queries: SeededQuery[] = [];
    for (const load of opts.loaders ?? []) {
      const found = await load({ path, query, role });
      if (found) queries.push(...found);
    }
    // A shared page is rendered for the role's shell: it cannot show what it was never given.
    const state: AppState = { me: me && sharedKey ? accountShellOf(me) : me, lang, queries };
    const r = await render(req.url, state);
    const html = template
      .replace('lang="en" dir="ltr"', `lang="${r.lang}" dir="${r.dir}"`)
      .replace('<!--app-head-->', `${HELD_SUBMITS_TAG}${r.head.replaceAll('__CANONICAL__', canonicalBase)}`)
      .replace('<!--app-html-->', r.html)
      .replace('<!--app-state-->', `${stateScript(state)}${sharedKey ? OWN_SLOT : ''}`);
    reply.code(r.status).header('content-type', 'text/html; charset=utf-8');
    if (me && sharedKey) {
      // The slot is the last one: the rendered page cannot hold it (text and state are escaped).
      const at = html.lastIndexOf(OWN_SLOT);
      const [head, end] = [html.slice(0, at), html.slice(at + OWN_SLOT.length)];
      if (r.status === 200) {
        pages.storeShared(sharedKey, head, end);
        return sendShared(req, reply, sharedKey, me);
      }
      return privateHeaders(reply).send(`${head}${accountScript(me)}${end}`);
    }
    // Only a page that rendered fine is stored publicly: never a "not found", an error or a signed-in page.
    if (etag && r.status === 200 && !setsCookie(reply)) {
      pages.store(etag, html);
      return sendCached(req, reply, etag);
    }
    return reply
      .header('cache-control', me ? PRIVATE_NO_STORE : 'no-store')
      .header('vary', 'Cookie, Accept-Language')
      .send(html);
  });

  /** Headers of a signed-in page: nothing may keep it (it holds the account and its CSRF token). */
  function privateHeaders(reply: FastifyReply) {
    return reply.header('cache-control', PRIVATE_NO_STORE).header('vary', 'Cookie, Accept-Language');
  }

  async function sendShared(req: FastifyRequest, reply: FastifyReply, key: string, me: MeResponse) {
    const encoding = acceptedEncoding(req);
    const body = await pages.getShared(key, encoding, accountScript(me));
    if (!body) throw new Error('a shared page went missing between has() and getShared()');
    reply.code(200).header('content-type', 'text/html; charset=utf-8');
    // Compressed here: the head once, the account's part stored as it is (open-compression.ts).
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return privateHeaders(reply).header('vary', 'Cookie, Accept-Language, Accept-Encoding').send(body);
  }

  async function sendCached(req: FastifyRequest, reply: FastifyReply, etag: string) {
    const encoding = acceptedEncoding(req);
    const body = await pages.get(etag, encoding);
    if (!body) throw new Error('a cached page went missing between has() and get()');
    reply.code(200).header('content-type', 'text/html; charset=utf-8').headers(publicHeaders(etag));
    // Compressed here, once: the compression hook leaves an answer that already names its encoding.
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.header('vary', 'Cookie, Accept-Language, Accept-Encoding').send(body);
  }

  function publicHeaders(etag: string) {
    return {
      etag,
      'cache-control': publicCacheControl(opts.publicCache),
      vary: 'Cookie, Accept-Language',
    };
  }
}
