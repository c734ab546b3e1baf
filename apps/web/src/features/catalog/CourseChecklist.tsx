import { useId } from 'react';

type CourseChecklistProps = { title: string; items: string[]; variant?: 'check' | 'bullet' };

/** "What you will learn" (ticks, two columns on wide screens) or "Requirements" (bullets). */
export function CourseChecklist({ title, items, variant = 'check' }: CourseChecklistProps) {
  const headingId = useId();
  if (items.length === 0) return null;
  const isCheck = variant === 'check';
  return (
    <section
      aria-labelledby={headingId}
      className={isCheck ? 'rounded-2xl border border-slate-200 bg-white p-6 shadow-sm' : undefined}
    >
      <h2 id={headingId} className="text-2xl font-bold tracking-tight text-slate-900">
        {title}
      </h2>
      <ul className={isCheck ? 'mt-4 grid gap-3 md:grid-cols-2' : 'mt-3 space-y-2'}>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are plain text and may repeat
          <li key={`${index}-${item}`} className="flex gap-3 text-slate-800">
            {isCheck ? (
              <svg viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-emerald-600" aria-hidden="true">
                <path d="M8.2 14.6 3.9 10.3l1.4-1.4 2.9 2.9 6.5-6.5 1.4 1.4z" />
              </svg>
            ) : (
              <span aria-hidden="true" className="mt-2.5 size-1.5 shrink-0 rounded-full bg-slate-500" />
            )}
            <span>{item}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
