import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/ui/TextLink.tsx';

/** The studio's pages beside the courses: my students across every course, and my public profile. */
export function StudioPeopleLinks() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('studioPeople.linksLabel')} className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <TextLink to="/studio/students">{t('studioPeople.pageTitle')}</TextLink>
      <TextLink to="/studio/profile">{t('studioProfile.title')}</TextLink>
      <TextLink to="/studio/earnings">{t('earnings.studioLink')}</TextLink>
    </nav>
  );
}
