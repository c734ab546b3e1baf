import type { JobRunStatus } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<JobRunStatus, string> = {
  running: 'bg-indigo-100 text-indigo-900',
  succeeded: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};

/** A run's status as a coloured word (the colour only repeats what the word says). */
export function JobRunStatusBadge({ status }: { status: JobRunStatus }) {
  const { t } = useTranslation();
  return (
    <span className={cn('inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold', tones[status])}>
      {t(`adminJobs.status.${status}`)}
    </span>
  );
}
