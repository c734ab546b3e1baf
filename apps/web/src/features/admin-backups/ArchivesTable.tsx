import type { BackupArchiveDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { archiveUrl } from './backups-api.ts';
import { formatBytes } from './format.ts';

type Props = {
  archives: BackupArchiveDto[];
  isDrillBusy: boolean;
  onDrill: (name: string) => void;
};

/** The archives in the backup directory, newest first: download one, or drill that one. */
export function ArchivesTable({ archives, isDrillBusy, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  if (archives.length === 0)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
        {t('adminBackups.archives.empty')}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[40rem] text-start text-sm">
        <caption className="sr-only">{t('adminBackups.archives.caption')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3 text-start font-semibold">
              {t('adminBackups.archives.name')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-semibold">
              {t('adminBackups.archives.created')}
            </th>
            <th scope="col" className="px-4 py-3 text-end font-semibold">
              {t('adminBackups.archives.size')}
            </th>
            <th scope="col" className="px-4 py-3 text-end font-semibold">
              <span className="sr-only">{t('adminBackups.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {archives.map((a) => (
            <tr key={a.name}>
              <td className="px-4 py-3 font-mono text-xs text-slate-900" dir="ltr">
                <span className="block text-start">{a.name}</span>
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                {formatDateTime(a.createdAt, i18n.language)}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-end text-slate-700">
                {formatBytes(a.sizeBytes, i18n.language)}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-end">
                <div className="flex justify-end gap-2">
                  <a
                    href={archiveUrl(a.name)}
                    download={a.name}
                    className={cn(
                      'rounded px-2 py-1 font-medium text-indigo-700 underline-offset-4 hover:underline',
                      focusRing,
                    )}
                    aria-label={t('adminBackups.archives.downloadLabel', { name: a.name })}
                  >
                    {t('adminBackups.archives.download')}
                  </a>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={isDrillBusy}
                    onClick={() => onDrill(a.name)}
                    aria-label={t('adminBackups.archives.drillLabel', { name: a.name })}
                  >
                    {t('adminBackups.archives.drill')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
