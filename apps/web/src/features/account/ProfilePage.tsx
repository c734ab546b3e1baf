import type { MeResponse } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { EmailSection } from './EmailSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

const SECTIONS = ['profile', 'password', 'email', 'two-factor', 'sessions'] as const;

export function ProfilePage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('account.title')}>{(me) => <AccountSettings me={me} />}</RequireAuth>;
}

function AccountSettings({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  return (
    <>
      <PageMeta title={t('account.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('account.title')}</h1>
      <p className="mt-2 text-slate-700">{t('account.subtitle')}</p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[14rem_1fr]">
        <nav aria-label={t('account.sectionsNav')} className="lg:sticky lg:top-6 lg:self-start">
          <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
            {SECTIONS.map((section) => (
              <li key={section}>
                <a
                  href={`#${section}`}
                  className={cn(
                    'block rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-white hover:text-indigo-800',
                    focusRing,
                  )}
                >
                  {t(`account.nav.${section}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-8">
          <ProfileSection user={me.user} />
          <PasswordSection />
          <EmailSection user={me.user} />
          <TwoFactorSection user={me.user} />
          <SessionsSection />
        </div>
      </div>
    </>
  );
}
