import type { LessonContent } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { buttonClasses } from '../../../components/ui/Button.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';

/** A short label for a file's type ("PDF", "ZIP", "PNG"), from the type the server detected. */
function typeLabel(mime: string, fileName: string): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/zip': 'ZIP',
    'text/csv': 'CSV',
    'text/plain': 'TXT',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/webp': 'WEBP',
    'image/gif': 'GIF',
  };
  return known[mime] ?? (fileName.split('.').pop() ?? '').toUpperCase().slice(0, 5);
}

/** The lesson's downloadable resources, with their sizes; nothing when it has none. */
export function LessonResources({ lesson }: { lesson: LessonContent }) {
  const { t, i18n } = useTranslation();
  const resources = lesson.resources ?? [];
  if (resources.length === 0) {
    return lesson.type === 'resources' ? (
      <p className="text-slate-700">{t('media.player.noResources')}</p>
    ) : null;
  }
  const headingId = `resources-${lesson.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t('media.player.resources')}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200">
        {resources.map((resource) => (
          <li key={resource.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="flex min-w-0 items-center gap-3">
              <span
                aria-hidden="true"
                className="inline-flex h-9 min-w-12 items-center justify-center rounded-lg bg-indigo-50 px-2 text-xs font-bold text-indigo-800"
              >
                {typeLabel(resource.mime, resource.fileName)}
              </span>
              <div className="min-w-0">
                <p className="font-medium break-words text-slate-900">{resource.title}</p>
                <p className="text-sm text-slate-600">
                  {formatBytes(resource.sizeBytes, i18n.language)} ·{' '}
                  <span className="break-all">{resource.fileName}</span>
                </p>
              </div>
            </div>
            <a
              href={resource.downloadUrl}
              download={resource.fileName}
              className={buttonClasses('secondary', 'sm')}
            >
              {t('media.player.download')}
              <span className="sr-only">: {resource.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
