import { createHash } from 'node:crypto';

/**
 * Every page is rendered on the server, so its forms are on screen before the app that handles them
 * has loaded (the admin panel's code loads after the entry). A form submitted in that moment would be
 * sent by the browser itself, as a GET to the same page: what was typed lands in the URL (and in the
 * access log) and is then lost. This script, first in the head, holds such a submit instead; the app
 * sends it once it has hydrated (`apps/web/src/lib/held-submits.ts`). Forms that name an `action` (the
 * catalog's search and sort) work without the app and go through as they are.
 *
 * It is inline, so it runs before the body is parsed; the CSP allows exactly this text by its hash.
 */
export const HELD_SUBMITS_SCRIPT =
  "(function(){var d=document;d.addEventListener('submit',function(e){" +
  "if(d.documentElement.hasAttribute('data-hydrated'))return;var f=e.target;" +
  "if(!(f instanceof HTMLFormElement)||f.hasAttribute('action'))return;" +
  'e.preventDefault();window.__heldSubmit={form:f,submitter:e.submitter||null};},true);})();';

/** The CSP source that allows the script above and no other inline script. */
export const HELD_SUBMITS_CSP_SOURCE = `'sha256-${createHash('sha256').update(HELD_SUBMITS_SCRIPT).digest('base64')}'`;

export const HELD_SUBMITS_TAG = `<script>${HELD_SUBMITS_SCRIPT}</script>`;
