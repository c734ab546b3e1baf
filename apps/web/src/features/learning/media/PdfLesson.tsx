import type { LessonContent } from '@9tangle/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { buttonClasses } from '../../../components/ui/Button.tsx';
import { textLinkClasses } from '../../../components/ui/TextLink.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';

/**
 * A PDF lesson: the browser's own PDF viewer in a frame, with "open" and "download" links always
 * beside it. Where the browser says it has no viewer (most phones), only the links are shown: a
 * frame would download the file instead. Known only in the browser, so the server renders the links.
 */
export function PdfLesson({ lesson }: { lesson: LessonContent }) {
  const { t, i18n } = useTranslation();
  const [hasViewer, setHasViewer] = useState(false);
  useEffect(() => setHasViewer(navigator.pdfViewerEnabled !== false), []);
  const file = lesson.file;
  if (!file) return <Alert tone="warning">{t('media.player.noPdf')}</Alert>;

  return (
    <div className="space-y-3">
      {hasViewer ? (
        <iframe
          key={file.id}
          src={file.url}
          title={t('media.player.pdfTitle', { title: lesson.title })}
          className="h-[75vh] min-h-96 w-full rounded-xl border border-slate-200 bg-slate-100"
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <a href={file.url} target="_blank" rel="noopener" className={buttonClasses('secondary', 'sm')}>
          {t('media.player.openPdf')}
        </a>
        <a href={file.downloadUrl} download={file.fileName} className={textLinkClasses}>
          {t('media.player.downloadPdf', { size: formatBytes(file.sizeBytes, i18n.language) })}
        </a>
      </div>
    </div>
  );
}
