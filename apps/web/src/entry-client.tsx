import './styles.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './AppProviders.tsx';
import { rememberCsrfToken } from './api/client.ts';
import { readAccountState, readAppState } from './app-state.ts';
import { AccountAfterHydration } from './features/session/AccountAfterHydration.tsx';
import { meQueryKey } from './features/session/use-me.ts';
import { createI18n, directionOf, resolveLanguage } from './i18n/index.ts';
import { seedQueries } from './lib/seed-queries.ts';
import { createQueryClient } from './query-client.ts';
import { routes } from './routes.tsx';

function readCookie(name: string): string | undefined {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Server-rendered pages carry the state they were rendered with; the Vite dev server's pages do not.
const state = readAppState(document);
// A page shared by the accounts of a role carries the account apart from the state (ADR 039).
const account = state ? readAccountState(document) : undefined;
const language = resolveLanguage(state?.lang ?? readCookie('lang'));
document.documentElement.lang = language;
document.documentElement.dir = directionOf(language);

const i18n = createI18n(language);
const queryClient = createQueryClient();
if (state) {
  queryClient.setQueryData(meQueryKey, state.me);
  // The same answers the server rendered with, so hydration matches and nothing is fetched twice.
  seedQueries(queryClient, state.queries);
  const csrfToken = (account ?? state.me)?.csrfToken;
  if (csrfToken) rememberCsrfToken(csrfToken);
}

/**
 * Lazy pages (the admin panel) matched by this URL are loaded before hydrating: the router would
 * otherwise render nothing while it fetches them, and the server's HTML would not match.
 */
async function loadMatchedLazyRoutes() {
  const matches = matchRoutes(routes, window.location) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      Object.assign(route, await route.lazy(), { lazy: undefined });
    }),
  );
}

async function start() {
  await loadMatchedLazyRoutes();
  const router = createBrowserRouter(routes);
  const app = (
    <StrictMode>
      <AppProviders queryClient={queryClient} i18n={i18n}>
        <AccountAfterHydration account={account}>
          <RouterProvider router={router} />
        </AccountAfterHydration>
      </AppProviders>
    </StrictMode>
  );
  if (!root) return;
  if (state && root.firstElementChild) hydrateRoot(root, app);
  else createRoot(root).render(app);
}

void start();
