import type { MeResponse } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { RequireAuth } from '../session/RequireAuth.tsx';

/** Whether the account may use the studio: instructors, and admins (who help them). */
export function canUseStudio(me: MeResponse): boolean {
  return me.user.role === 'instructor' || me.user.role === 'admin';
}

type StudioGateProps = { title: string; children: (me: MeResponse) => ReactNode };

/** Signed out → sign in and come back; signed in without the role → "not found" (nothing revealed). */
export function StudioGate({ title, children }: StudioGateProps) {
  return (
    <RequireAuth title={title}>{(me) => (canUseStudio(me) ? children(me) : <NotFoundPage />)}</RequireAuth>
  );
}
