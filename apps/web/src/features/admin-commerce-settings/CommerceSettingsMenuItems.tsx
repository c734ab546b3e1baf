import type { MeResponse } from '@9tangle/contracts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The user menu's links to the coupons, shipping and taxes settings, for admins only. */
export function CommerceSettingsMenuItems({ me, className }: { me: MeResponse; className: string }) {
  const { t } = useTranslation();
  if (me.user.role !== 'admin') return null;
  return (
    <>
      <DropdownMenu.Item asChild className={className}>
        <Link to="/admin/coupons">{t('cart.admin.couponsLink')}</Link>
      </DropdownMenu.Item>
      <DropdownMenu.Item asChild className={className}>
        <Link to="/admin/shipping">{t('cart.admin.shippingLink')}</Link>
      </DropdownMenu.Item>
      <DropdownMenu.Item asChild className={className}>
        <Link to="/admin/taxes">{t('cart.admin.taxesLink')}</Link>
      </DropdownMenu.Item>
    </>
  );
}
