const STAR = '12,2 15.09,8.26 22,9.27 17,14.14 18.18,21.02 12,17.77 5.82,21.02 7,14.14 2,9.27 8.91,8.26';

/** One star, filled or not; decorative (the number is always given in words beside it). */
export function StarIcon({ isFilled, className = 'size-4' }: { isFilled: boolean; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true">
      <polygon points={STAR} className={isFilled ? 'fill-amber-500' : 'fill-slate-300'} />
    </svg>
  );
}
