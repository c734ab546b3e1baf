import { cn } from '../../components/ui/cn.ts';
import { useCategoryColour } from './catalog-queries.ts';

const FALLBACK_COLOUR = '#4f46e5';

type CourseThumbnailProps = {
  title: string;
  thumbnailUrl: string | null;
  categorySlug: string | undefined;
  /** Above the fold (the course page): load at once instead of lazily. */
  isEager?: boolean;
  className?: string;
};

/**
 * The course picture, or a gradient in the category's colour with the title's first letter. Decorative
 * either way: the title is always written next to it.
 */
export function CourseThumbnail({
  title,
  thumbnailUrl,
  categorySlug,
  isEager,
  className,
}: CourseThumbnailProps) {
  const colour = useCategoryColour(categorySlug) ?? FALLBACK_COLOUR;
  if (thumbnailUrl) {
    return (
      <img
        src={thumbnailUrl}
        alt=""
        loading={isEager ? 'eager' : 'lazy'}
        decoding="async"
        className={cn('aspect-video w-full bg-slate-200 object-cover', className)}
      />
    );
  }
  return (
    <div
      aria-hidden="true"
      // The colour comes from data, so it cannot be a class; style attributes are allowed by the CSP.
      style={{ backgroundColor: colour }}
      className={cn('relative grid aspect-video w-full place-items-center overflow-hidden', className)}
    >
      <div className="absolute inset-0 bg-linear-to-br from-white/25 via-transparent to-black/35" />
      <span className="relative text-5xl font-extrabold text-white/90 drop-shadow">
        {Array.from(title.trim())[0]?.toUpperCase() ?? '·'}
      </span>
    </div>
  );
}
