import { describe, expect, it } from 'vitest';
import { canImpersonate, canMakeRequest, isMoneyOrCredentialRequest } from './identity.policy.ts';

describe('isMoneyOrCredentialRequest', () => {
  it.each([
    ['POST', '/api/cart/items'],
    ['DELETE', '/api/cart/items/1'],
    ['POST', '/api/cart/coupon'],
    ['PUT', '/api/cart'],
    ['POST', '/api/checkout/orders'],
    ['POST', '/api/checkout/quote?x=1'],
    ['POST', '/api/orders/ORD-1/payments'],
    ['POST', '/api/orders/ORD-1/manual-proofs'],
    ['POST', '/api/payments/test/r/succeed'],
    ['POST', '/api/downloads/1/link'],
    ['POST', '/api/wishlist/1/move-to-cart'],
    ['POST', '/api/admin/orders/ORD-1/refunds'],
    ['POST', '/api/auth/password/change'],
    ['POST', '/api/auth/email/change'],
    ['POST', '/api/auth/2fa/setup'],
    ['DELETE', '/api/auth/sessions/1'],
    ['POST', '/api/auth/logout-all'],
    ['post', '//api//CART/items'],
  ])('%s %s is money or credentials', (method, url) => {
    expect(isMoneyOrCredentialRequest(method, url)).toBe(true);
  });

  it.each([
    ['GET', '/api/cart'],
    ['GET', '/api/orders/ORD-1'],
    ['POST', '/api/wishlist'],
    ['DELETE', '/api/wishlist/1'],
    ['PATCH', '/api/account/profile'],
    ['POST', '/api/auth/logout'],
    ['POST', '/api/auth/impersonation/stop'],
    ['POST', '/api/cartography'],
    ['POST', '/api/learning/lessons/1/complete'],
  ])('%s %s is not', (method, url) => {
    expect(isMoneyOrCredentialRequest(method, url)).toBe(false);
  });
});

describe('canMakeRequest', () => {
  it('stops only impersonated sessions', () => {
    expect(canMakeRequest(null, 'POST', '/api/cart/items')).toBe(true);
    expect(canMakeRequest({ impersonatorId: null }, 'POST', '/api/cart/items')).toBe(true);
    expect(canMakeRequest({ impersonatorId: 'a' }, 'POST', '/api/cart/items')).toBe(false);
    expect(canMakeRequest({ impersonatorId: 'a' }, 'PATCH', '/api/account/profile')).toBe(true);
  });
});

describe('canImpersonate', () => {
  const admin = { id: 'a', role: 'admin' as const, impersonatorId: null };
  const target = { id: 'b', role: 'student' as const, suspendedAt: null, anonymisedAt: null };
  it('lets an admin sign in as an active student or instructor', () => {
    expect(canImpersonate(admin, target)).toBe(true);
    expect(canImpersonate(admin, { ...target, role: 'instructor' })).toBe(true);
  });
  it('refuses yourself, admins, suspended and anonymised accounts, and non-admins', () => {
    expect(canImpersonate(admin, { ...target, id: 'a' })).toBe(false);
    expect(canImpersonate(admin, { ...target, role: 'admin' })).toBe(false);
    expect(canImpersonate(admin, { ...target, suspendedAt: new Date() })).toBe(false);
    expect(canImpersonate(admin, { ...target, anonymisedAt: new Date() })).toBe(false);
    expect(canImpersonate({ ...admin, role: 'instructor' }, target)).toBe(false);
    expect(canImpersonate({ ...admin, impersonatorId: 'x' }, target)).toBe(false);
  });
});
