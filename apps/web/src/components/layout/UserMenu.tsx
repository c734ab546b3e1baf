import { isAccountShell, type MeResponse } from '@9tangle/contracts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { logout } from '../../api/auth.ts';
import { directionOf } from '../../i18n/index.ts';
import { Avatar } from '../ui/Avatar.tsx';
import { cn, focusRing } from '../ui/cn.ts';

const itemClasses = cn(
  'flex w-full cursor-pointer select-none items-center rounded-md px-3 py-2 text-sm text-slate-800 outline-none',
  'data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900',
);

export function UserMenu({ me }: { me: MeResponse }) {
  const { t, i18n } = useTranslation();

  async function signOut() {
    try {
      await logout();
    } finally {
      // A full page load drops every cached answer that belonged to the account, and the server
      // renders the next page for whoever is (or is not) signed in now, even if the request failed.
      window.location.assign('/');
    }
  }

  return (
    <DropdownMenu.Root dir={directionOf(i18n.language)} modal={false}>
      <DropdownMenu.Trigger
        aria-label={t('layout.accountMenu')}
        className={cn(
          'flex items-center gap-2 rounded-full py-1 ps-1 pe-3 text-sm font-medium text-slate-800 hover:bg-slate-100',
          focusRing,
        )}
      >
        {isAccountShell(me) ? (
          // A shared page before hydration (ADR 039): the account is not in the HTML, so a neutral
          // disc and bar of the same size hold its place until the real one replaces them.
          <>
            <span aria-hidden="true" className="size-8 shrink-0 rounded-full bg-slate-200" />
            <span aria-hidden="true" className="hidden h-4 w-20 rounded bg-slate-200 sm:inline-block" />
          </>
        ) : (
          <>
            <Avatar user={me.user} size="sm" />
            <span className="hidden max-w-[10rem] truncate sm:inline">{me.user.name}</span>
          </>
        )}
        <span aria-hidden="true" className="text-slate-500">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg"
        >
          <DropdownMenu.Label className="px-3 py-2 text-xs text-slate-600">
            <span className="block truncate font-semibold text-slate-900">{me.user.name}</span>
            <span className="block truncate">{me.user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link to="/dashboard">{t('layout.myLearning')}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link to="/dashboard/orders">{t('checkout.orders.title')}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link to="/profile">{t('layout.profile')}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link to="/wishlist">{t('cart.wishlist.menuLink')}</Link>
          </DropdownMenu.Item>
          {me.user.role === 'instructor' || me.user.role === 'admin' ? (
            <DropdownMenu.Item asChild className={itemClasses}>
              <Link to="/studio">{t('layout.studio')}</Link>
            </DropdownMenu.Item>
          ) : null}
          {me.user.role === 'admin' ? (
            <DropdownMenu.Item asChild className={itemClasses}>
              <Link to="/admin">{t('adminPanel.menuLink')}</Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item asChild className={itemClasses}>
            <Link to="/payment-status">{t('manual.menuLink')}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item className={itemClasses} onSelect={() => void signOut()}>
            {t('layout.signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
