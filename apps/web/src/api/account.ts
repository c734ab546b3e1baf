import type { UpdateProfileBody, UserDto } from '@9tangle/contracts';
import { apiRequest } from './client.ts';
import type { RecoveryCodes, TwoFactorSetup } from './types.ts';

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return apiRequest('/api/auth/password/change', { method: 'POST', body });
}

export function requestEmailChange(body: { newEmail: string; password: string }): Promise<void> {
  return apiRequest('/api/auth/email/change', { method: 'POST', body });
}

export function confirmEmailChange(body: { code: string } | { token: string }): Promise<{ user: UserDto }> {
  return apiRequest('/api/auth/email/confirm', { method: 'POST', body });
}

export function updateProfile(body: UpdateProfileBody): Promise<{ user: UserDto }> {
  return apiRequest('/api/account/profile', { method: 'PATCH', body });
}

export function uploadAvatar(file: File): Promise<{ user: UserDto }> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest('/api/account/avatar', { method: 'POST', body: form });
}

export function startTwoFactorSetup(): Promise<TwoFactorSetup> {
  return apiRequest('/api/auth/2fa/setup', { method: 'POST' });
}

export function enableTwoFactor(code: string): Promise<RecoveryCodes> {
  return apiRequest('/api/auth/2fa/enable', { method: 'POST', body: { code } });
}

export function disableTwoFactor(code: string): Promise<void> {
  return apiRequest('/api/auth/2fa/disable', { method: 'POST', body: { code } });
}

export function regenerateRecoveryCodes(code: string): Promise<RecoveryCodes> {
  return apiRequest('/api/auth/2fa/recovery-codes', { method: 'POST', body: { code } });
}
