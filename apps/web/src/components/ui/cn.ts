export { clsx as cn } from 'clsx';

/** The keyboard focus ring shared by every interactive element. */
export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 focus-visible:outline-solid';
