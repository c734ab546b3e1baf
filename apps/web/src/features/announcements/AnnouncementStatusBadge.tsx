import type { AnnouncementStatus } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<AnnouncementStatus, string> = {
  active: 'bg-emerald-100 text-emerald-900',
  scheduled: 'bg-sky-100 text-sky-900',
  expired: 'bg-slate-200 text-slate-800',
  inactive: 'bg-amber-100 text-amber-900',
};

export function AnnouncementStatusBadge({ status }: { status: AnnouncementStatus }) {
  const { t } = useTranslation();
  return (
    <span className={cn('inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold', tones[status])}>
      {t(`announcements.status.${status}`)}
    </span>
  );
}
