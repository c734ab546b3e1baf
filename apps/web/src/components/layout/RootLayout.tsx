import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { AnnouncementBanners } from '../../features/announcements/AnnouncementBanners.tsx';
import { cn, focusRing } from '../ui/cn.ts';
import { AccountBanners } from './AccountBanners.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';

/** The frame of every page: skip link, header, account banners, announcements, the page in `<main>`, footer. */
export function RootLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  // After a client-side navigation, start at the top and move focus to the new page so screen
  // readers announce it (a full page load does this by itself).
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <a
        href="#main"
        className={cn(
          'sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:z-50',
          'focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-indigo-700 focus:shadow-lg',
          focusRing,
        )}
      >
        {t('layout.skipToContent')}
      </a>
      <Header />
      <AccountBanners />
      <AnnouncementBanners />
      <main id="main" ref={mainRef} tabIndex={-1} className="flex-1 outline-none">
        <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
          <Outlet />
        </div>
      </main>
      <Footer />
    </div>
  );
}
