import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/ui/TextLink.tsx';

/** Shown (and announced) when the student's last required lesson completes the course. */
export function CourseCompleteBanner({ courseTitle }: { courseTitle: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 p-6 text-emerald-950">
      <h2 className="text-xl font-bold">
        <span aria-hidden="true">🎉 </span>
        {t('player.congratsTitle')}
      </h2>
      <p className="mt-2">{t('player.congratsText', { title: courseTitle })}</p>
      <p className="mt-3">
        <TextLink to="/dashboard">{t('player.backToDashboard')}</TextLink>
      </p>
    </div>
  );
}
