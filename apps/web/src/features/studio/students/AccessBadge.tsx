import type { AccessState } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../../components/ui/cn.ts';

const tones: Record<AccessState, string> = {
  active: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  expired: 'bg-amber-100 text-amber-900 ring-amber-300',
  revoked: 'bg-red-100 text-red-900 ring-red-300',
};

/** Whether the student can open the course now. */
export function AccessBadge({ access }: { access: AccessState }) {
  const { t } = useTranslation();
  return (
    <span
      className={cn('inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1', tones[access])}
    >
      {t(`studioPeople.access.${access}`)}
    </span>
  );
}
