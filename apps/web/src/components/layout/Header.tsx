import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useMe } from '../../features/session/use-me.ts';
import { Button } from '../ui/Button.tsx';
import { cn, focusRing } from '../ui/cn.ts';
import { UserMenu } from './UserMenu.tsx';

const navLinkClasses = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-lg px-3 py-2 text-sm font-medium',
    isActive ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
    focusRing,
  );

export function Header() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link to="/" className={cn('flex items-center gap-2 rounded-lg', focusRing)}>
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-lg bg-indigo-600 font-bold text-white"
          >
            9
          </span>
          <span className="text-xl font-extrabold tracking-tight text-slate-900">9tangle</span>
        </Link>
        <nav aria-label={t('layout.mainNav')} className="flex flex-wrap items-center gap-1 sm:gap-2">
          <NavLink to="/" end className={navLinkClasses}>
            {t('layout.home')}
          </NavLink>
          <NavLink to="/courses" className={navLinkClasses}>
            {t('layout.courses')}
          </NavLink>
          <NavLink to="/shop" className={navLinkClasses}>
            {t('shop.navLink')}
          </NavLink>
          {me ? (
            <NavLink to="/dashboard" className={navLinkClasses}>
              {t('layout.myLearning')}
            </NavLink>
          ) : null}
          {me ? <UserMenu me={me} /> : null}
          {!me && !isPending ? (
            <>
              <NavLink to="/login" className={navLinkClasses}>
                {t('layout.signIn')}
              </NavLink>
              <Button asChild size="sm">
                <Link to="/register">{t('layout.signUp')}</Link>
              </Button>
            </>
          ) : null}
        </nav>
      </div>
    </header>
  );
}
