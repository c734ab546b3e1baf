import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../../features/session/use-me.ts';
import { TextLink } from '../ui/TextLink.tsx';

/** Always-visible notices about the account: "viewing as" (impersonation) and an unverified email. */
export function AccountBanners() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  if (!me) return null;

  const showVerify = !me.user.emailVerified && pathname !== '/verify-code';
  return (
    <>
      {me.impersonated ? (
        <div role="status" className="border-b border-amber-300 bg-amber-100 text-amber-950">
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-medium sm:px-6">
            {t('banners.impersonated', { name: me.user.name, email: me.user.email })}
          </p>
        </div>
      ) : null}
      {showVerify ? (
        <div className="border-b border-indigo-200 bg-indigo-50 text-indigo-950">
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6">
            {t('banners.unverified', { email: me.user.email })}{' '}
            <TextLink to="/verify-code">{t('banners.verifyNow')}</TextLink>
          </p>
        </div>
      ) : null}
    </>
  );
}
