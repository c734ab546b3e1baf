import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useStopImpersonation } from '../../features/admin-users/admin-users-queries.ts';
import { useAdminUsersError } from '../../features/admin-users/use-admin-error.ts';
import { useMe } from '../../features/session/use-me.ts';
import { Button } from '../ui/Button.tsx';
import { TextLink } from '../ui/TextLink.tsx';

/** Always-visible notices about the account: "viewing as" (impersonation) and an unverified email. */
export function AccountBanners() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const stop = useStopImpersonation();
  const errorMessage = useAdminUsersError();
  if (!me) return null;
  const isMoneyPage = /^\/(cart|checkout|wishlist)(\/|$)/.test(pathname);

  const showVerify = !me.user.emailVerified && pathname !== '/verify-code';
  return (
    <>
      {me.impersonated ? (
        <div role="status" className="border-b-4 border-amber-500 bg-amber-100 text-amber-950">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2 sm:px-6">
            <div className="text-sm font-medium">
              <p>{t('banners.impersonated', { name: me.user.name, email: me.user.email })}</p>
              {me.impersonator ? (
                <p className="font-normal">{t('adminUsers.banner.by', { admin: me.impersonator.name })}</p>
              ) : null}
              {isMoneyPage ? (
                <p className="font-semibold">{t('adminUsers.banner.paymentsDisabled')}</p>
              ) : null}
              {stop.isError ? <p className="font-semibold text-red-800">{errorMessage(stop.error)}</p> : null}
            </div>
            <Button
              size="sm"
              variant="secondary"
              isLoading={stop.isPending}
              onClick={() => stop.mutate(me.user.id)}
            >
              {t('adminUsers.banner.return')}
            </Button>
          </div>
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
