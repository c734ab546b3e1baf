import type { CourseStatus } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<CourseStatus, string> = {
  draft: 'bg-slate-100 text-slate-800 ring-slate-300',
  in_review: 'bg-amber-100 text-amber-900 ring-amber-300',
  published: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  archived: 'bg-zinc-200 text-zinc-800 ring-zinc-400',
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={cn('inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1', tones[status])}
    >
      {t(`studio.status.${status}`)}
    </span>
  );
}
