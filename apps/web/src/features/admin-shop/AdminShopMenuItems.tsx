import type { MeResponse } from '@9tangle/contracts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const LINKS = [
  ['/admin/products', 'shop.admin.productsTitle'],
  ['/admin/product-categories', 'shop.admin.categoriesTitle'],
  ['/admin/product-reviews', 'shop.admin.reviewsTitle'],
] as const;

/** The shop's admin links in the account menu (admins only). */
export function AdminShopMenuItems({ me, className }: { me: MeResponse; className: string }) {
  const { t } = useTranslation();
  if (me.user.role !== 'admin') return null;
  return LINKS.map(([to, label]) => (
    <DropdownMenu.Item key={to} asChild className={className}>
      <Link to={to}>{t(label)}</Link>
    </DropdownMenu.Item>
  ));
}
