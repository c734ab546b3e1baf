import type { ReactNode, Ref } from 'react';

/** The lesson's `<h1>`: focusable by script only, where focus lands when the lesson changes. */
export function LessonHeading({ ref, children }: { ref: Ref<HTMLHeadingElement>; children: ReactNode }) {
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className="text-2xl font-bold tracking-tight text-slate-900 outline-none sm:text-3xl"
    >
      {children}
    </h1>
  );
}
