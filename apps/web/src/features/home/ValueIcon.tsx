/** Simple line icons for the home page's value blurbs (drawn inline: no icon font, no extra request). */
const PATHS = {
  practitioners: 'M12 3 2 8l10 5 10-5-10-5Zm-6 7.5V15c0 1.7 2.7 3 6 3s6-1.3 6-3v-4.5M22 8v6',
  pace: 'M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z',
  certificates: 'M9 12l2 2 4-4m5 1a8 8 0 1 1-16 0 8 8 0 0 1 16 0ZM8 17.5 7 22l5-2 5 2-1-4.5',
} as const;

export type ValueIconName = keyof typeof PATHS;

export function ValueIcon({ name }: { name: ValueIconName }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-6"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
