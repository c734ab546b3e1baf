import type { BackupRunDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';

const tones: Record<BackupRunDto['status'], string> = {
  running: 'bg-amber-100 text-amber-900',
  succeeded: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};

export function RunStatusBadge({ status }: { status: BackupRunDto['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={cn('inline-block rounded-full px-2 py-0.5 text-xs font-semibold', tones[status])}>
      {t(`adminBackups.status.${status}`)}
    </span>
  );
}
