import type { MeResponse } from './identity.ts';

/**
 * The account a shared signed-in page is rendered for (ADR 039): the role, and nothing that names the
 * person. The server renders a page once for every account of a role with it and keeps the HTML; the
 * browser hydrates with the same shell, then puts the real account (sent beside it, per request) in
 * its place. Only verified, non-impersonated accounts get shared pages, so the shell says so.
 */
export function accountShellOf(me: MeResponse): MeResponse {
  return {
    user: {
      id: '',
      name: '',
      email: '',
      phone: null,
      role: me.user.role,
      emailVerified: true,
      twoFactorEnabled: false,
      avatarUrl: null,
      createdAt: '',
    },
    csrfToken: '',
    impersonated: false,
  };
}

/** True for the shell of `accountShellOf`: a page rendered for a role, before the account is known. */
export const isAccountShell = (me: MeResponse): boolean => me.user.id === '';

/** Whether a signed-in account may be served a page shared by its role: its banners name the person. */
export const canShareAccountPages = (me: MeResponse): boolean => me.user.emailVerified && !me.impersonated;
