import type { CategoryDto } from '@9tangle/contracts';

// Outline icons (24×24, stroke) for the icon names categories are likely to use.
const PATHS: Record<string, string> = {
  code: 'M8 8l-4 4 4 4M16 8l4 4-4 4M13.5 5l-3 14',
  design:
    'M12 3a9 9 0 1 0 0 18c1 0 1.5-.8 1.5-1.6 0-1.2-1-1.4-1-2.4 0-.9.7-1.5 1.6-1.5H16a5 5 0 0 0 5-5c0-4-4-7.5-9-7.5zM7.5 12h0M10 7.5h0M15 7.5h0',
  business: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16',
  marketing: 'M4 10v4h3l6 4V6L7 10zM17 9a4 4 0 0 1 0 6',
  data: 'M5 20V10M12 20V4M19 20v-7',
  language:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  music: 'M9 18V6l11-2v12M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM20 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
  photo: 'M4 7h3l2-3h6l2 3h3v12H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
  health: 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z',
  book: 'M4 5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2zM4 5v16',
};
const ALIASES: Record<string, string> = {
  development: 'code',
  programming: 'code',
  palette: 'design',
  briefcase: 'business',
  finance: 'business',
  megaphone: 'marketing',
  chart: 'data',
  globe: 'language',
  languages: 'language',
  camera: 'photo',
  photography: 'photo',
  heart: 'health',
};

/** A category's icon: a known icon name, an emoji as it is, or the name's first letter. Decorative. */
export function CategoryIcon({ category }: { category: Pick<CategoryDto, 'icon' | 'name'> }) {
  const icon = category.icon?.trim() ?? '';
  const name = icon.toLowerCase();
  const path = PATHS[ALIASES[name] ?? name];
  if (path) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-6"
        aria-hidden="true"
      >
        <path d={path} />
      </svg>
    );
  }
  // Anything that is not a plain word (an emoji, a symbol) is shown as written.
  const text = icon && !/^[\w-]+$/.test(icon) ? icon : (Array.from(category.name)[0] ?? '?').toUpperCase();
  return (
    <span aria-hidden="true" className="text-xl leading-none font-bold">
      {text}
    </span>
  );
}
