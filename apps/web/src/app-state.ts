import type { MeResponse } from '@9tangle/contracts';

/** One TanStack Query answer the server already has; seeded into the cache before rendering. */
export type SeededQuery = {
  /** The query key the page's hook uses (`['course', slug]`, `['catalog', query]`, …). */
  key: unknown[];
  data: unknown;
};

/**
 * What the server knows when it renders a page, handed to the browser in
 * `<script type="application/json" id="__APP_STATE__">` (a data block, never executed).
 */
export type AppState = {
  /** The signed-in account, or null when signed out. */
  me: MeResponse | null;
  /** The language the server chose (from the `lang` cookie or Accept-Language). */
  lang: string;
  /** The page's data, answered on the server so the HTML is complete without JavaScript. */
  queries: SeededQuery[];
};

export const APP_STATE_ELEMENT_ID = '__APP_STATE__';
/** A shared page's own account, written per request beside a state rendered for the role (ADR 039). */
export const APP_ACCOUNT_ELEMENT_ID = '__APP_ACCOUNT__';

function isSeededQuery(value: unknown): value is SeededQuery {
  return typeof value === 'object' && value !== null && 'key' in value && Array.isArray(value.key);
}

/** Reads the state the server embedded; undefined when the page was not server-rendered (Vite dev). */
export function readAppState(doc: Document): AppState | undefined {
  const element = doc.getElementById(APP_STATE_ELEMENT_ID);
  if (!element?.textContent) return undefined;
  try {
    const parsed: unknown = JSON.parse(element.textContent);
    if (!parsed || typeof parsed !== 'object') return undefined;
    const state = parsed as Partial<AppState>;
    return {
      me: state.me ?? null,
      lang: typeof state.lang === 'string' ? state.lang : 'en',
      queries: Array.isArray(state.queries) ? state.queries.filter(isSeededQuery) : [],
    };
  } catch {
    return undefined;
  }
}

/**
 * The account of a page the server shares between the accounts of a role (ADR 039): its state's `me`
 * is the role's shell (`accountShellOf`), which the page hydrates with; this is the account to put in
 * its place once hydrated. Undefined on every other page.
 */
export function readAccountState(doc: Document): MeResponse | undefined {
  const element = doc.getElementById(APP_ACCOUNT_ELEMENT_ID);
  if (!element?.textContent) return undefined;
  try {
    const parsed: unknown = JSON.parse(element.textContent);
    if (!parsed || typeof parsed !== 'object' || !('user' in parsed) || !('csrfToken' in parsed))
      return undefined;
    return parsed as MeResponse;
  } catch {
    return undefined;
  }
}
