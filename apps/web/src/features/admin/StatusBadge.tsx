import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../../api/types.ts';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<MailStatus, string> = {
  queued: 'bg-amber-100 text-amber-900',
  sent: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};

export function StatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <span className={cn('inline-block rounded-full px-2 py-0.5 text-xs font-semibold', tones[status])}>
      {t(`outbox.status.${status}`)}
    </span>
  );
}
