import type {
  LoginBody,
  LoginResponse,
  LoginTwoFactorBody,
  MeResponse,
  RegisterBody,
  SessionDto,
  UserDto,
  VerifyEmailBody,
} from '@9tangle/contracts';
import { ApiError, apiRequest, rememberCsrfToken } from './client.ts';

/** The signed-in account, or null when the visitor is signed out. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await apiRequest<MeResponse>('/api/auth/me');
    rememberCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function register(body: RegisterBody): Promise<{ user: UserDto; csrfToken: string }> {
  const result = await apiRequest<{ user: UserDto; csrfToken: string }>('/api/auth/register', {
    method: 'POST',
    body,
  });
  rememberCsrfToken(result.csrfToken);
  return result;
}

export async function login(body: LoginBody): Promise<LoginResponse> {
  const result = await apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body });
  if (result.status === 'ok') rememberCsrfToken(result.csrfToken);
  return result;
}

export async function loginTwoFactor(body: LoginTwoFactorBody): Promise<LoginResponse> {
  const result = await apiRequest<LoginResponse>('/api/auth/login/2fa', { method: 'POST', body });
  if (result.status === 'ok') rememberCsrfToken(result.csrfToken);
  return result;
}

export function verifyEmail(body: VerifyEmailBody): Promise<{ user: UserDto }> {
  return apiRequest('/api/auth/verify-email', { method: 'POST', body });
}

export function resendVerification(body: { email?: string }): Promise<void> {
  return apiRequest('/api/auth/verify-email/resend', { method: 'POST', body });
}

export async function logout(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST' });
  rememberCsrfToken(null);
}

export async function logoutEverywhere(): Promise<void> {
  await apiRequest('/api/auth/logout-all', { method: 'POST' });
  rememberCsrfToken(null);
}

export async function listSessions(): Promise<SessionDto[]> {
  const result = await apiRequest<{ sessions: SessionDto[] }>('/api/auth/sessions');
  return result.sessions;
}

export function revokeSession(id: string): Promise<void> {
  return apiRequest(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function requestPasswordReset(body: { email: string }): Promise<void> {
  return apiRequest('/api/auth/password/forgot', { method: 'POST', body });
}

export function resetPassword(body: { token: string; password: string }): Promise<void> {
  return apiRequest('/api/auth/password/reset', { method: 'POST', body });
}
