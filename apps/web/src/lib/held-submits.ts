/**
 * The server's first script (`apps/server/src/http/held-submits.ts`) holds a form submitted before the
 * app hydrated. Once it has, the page says so (`<html data-hydrated>`, which also ends the holding)
 * and the held form is submitted again, now to its own handler: the click is not lost.
 */
declare global {
  interface Window {
    __heldSubmit?: { form: HTMLFormElement; submitter: HTMLElement | null };
  }
}

export function releaseHeldSubmits(): void {
  document.documentElement.setAttribute('data-hydrated', '');
  const held = window.__heldSubmit;
  window.__heldSubmit = undefined;
  if (!held?.form.isConnected) return;
  const submitter =
    held.submitter?.isConnected && held.submitter.closest('form') === held.form ? held.submitter : null;
  held.form.requestSubmit(submitter);
}
