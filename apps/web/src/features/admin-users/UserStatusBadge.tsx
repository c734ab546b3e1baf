import type { UserStatus } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<UserStatus, string> = {
  active: 'bg-emerald-100 text-emerald-900',
  suspended: 'bg-red-100 text-red-900',
  unverified: 'bg-amber-100 text-amber-900',
  anonymised: 'bg-slate-200 text-slate-800',
};

/** The account's status as a small coloured label (the text carries the meaning, not the colour). */
export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <span className={cn('inline-block rounded-full px-2 py-0.5 text-xs font-semibold', tones[status])}>
      {t(`adminUsers.statuses.${status}`)}
    </span>
  );
}
