import type { MeResponse } from '@9tangle/contracts';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { useMe } from './use-me.ts';

type RequireAuthProps = { title: string; children: (me: MeResponse) => ReactNode };

/** Renders its children for a signed-in user; otherwise sends the visitor to sign in and back. */
export function RequireAuth({ title, children }: RequireAuthProps) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const isSignedOut = !isPending && !me;

  useEffect(() => {
    if (!isSignedOut) return;
    const next = `${location.pathname}${location.search}`;
    void navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
  }, [isSignedOut, location.pathname, location.search, navigate]);

  if (me) return children(me);
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <PageMeta title={title} description={t('meta.private')} noIndex />
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-700" role="status">
        {isSignedOut ? t('auth.redirecting') : t('common.loading')}
      </p>
    </div>
  );
}
