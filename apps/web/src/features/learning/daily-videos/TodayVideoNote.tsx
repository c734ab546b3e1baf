import { useTranslation } from 'react-i18next';
import { TextLink } from '../../../components/ui/TextLink.tsx';

/** "Today's video: …" on a dashboard card, leading to the course's daily videos. */
export function TodayVideoNote({ slug, videos }: { slug: string; videos: { id: string; title: string }[] }) {
  const { t } = useTranslation();
  const [first] = videos;
  if (!first) return null;
  return (
    <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <span aria-hidden="true">▶ </span>
      {t('media.today.dashboard', { count: videos.length })}{' '}
      <TextLink to={`/courses/${encodeURIComponent(slug)}/learn/today`}>{first.title}</TextLink>
    </p>
  );
}
