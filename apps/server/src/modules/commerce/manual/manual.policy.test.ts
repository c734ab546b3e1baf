import { describe, expect, it } from 'vitest';
import {
  attemptsLeft,
  isAfterToday,
  paymentState,
  reasonInWords,
  submissionProblem,
} from './manual.policy.ts';

const p = (status: 'pending' | 'approved' | 'rejected') => ({ status });

describe('submissionProblem', () => {
  it('allows the first proof of a pending order', () => {
    expect(submissionProblem('pending', [])).toBeNull();
  });
  it('allows a resubmission after a rejection', () => {
    expect(submissionProblem('pending', [p('rejected'), p('rejected')])).toBeNull();
  });
  it('refuses while a proof is under review', () => {
    expect(submissionProblem('pending', [p('rejected'), p('pending')])).toBe('proof_pending');
  });
  it('refuses a fourth proof', () => {
    expect(submissionProblem('pending', [p('rejected'), p('rejected'), p('rejected')])).toBe(
      'resubmissions_exhausted',
    );
  });
  it('refuses an order that is not pending, or already approved', () => {
    expect(submissionProblem('paid', [])).toBe('manual_order_not_payable');
    expect(submissionProblem('cancelled', [p('rejected')])).toBe('manual_order_not_payable');
    expect(submissionProblem('pending', [p('approved')])).toBe('manual_order_not_payable');
  });
});

describe('attemptsLeft', () => {
  it('counts down from three and stops at zero', () => {
    expect(attemptsLeft([])).toBe(3);
    expect(attemptsLeft([p('rejected')])).toBe(2);
    expect(attemptsLeft([p('rejected'), p('rejected'), p('rejected'), p('rejected')])).toBe(0);
  });
});

describe('paymentState', () => {
  const manual = (status: string) => ({ provider: 'manual', status });
  it('reads a manual attempt from its latest proof', () => {
    expect(paymentState(manual('pending'), undefined, 'pending')).toBe('awaiting_proof');
    expect(paymentState(manual('pending'), p('pending'), 'pending')).toBe('pending');
    expect(paymentState(manual('pending'), p('rejected'), 'pending')).toBe('rejected');
    expect(paymentState(manual('succeeded'), p('approved'), 'paid')).toBe('approved');
  });
  it('reads a card attempt from its own status', () => {
    expect(paymentState({ provider: 'stripe', status: 'pending' }, undefined, 'pending')).toBe('pending');
    expect(paymentState({ provider: 'stripe', status: 'failed' }, undefined, 'failed')).toBe('failed');
    expect(paymentState({ provider: 'test', status: 'refunded' }, undefined, 'refunded')).toBe('refunded');
    expect(paymentState({ provider: 'test', status: 'pending' }, undefined, 'cancelled')).toBe('cancelled');
  });
});

describe('reasonInWords and isAfterToday', () => {
  it('says every reason in a sentence', () => {
    for (const r of ['insufficient_funds', 'wrong_amount', 'unreadable_proof', 'duplicate', 'other'] as const)
      expect(reasonInWords(r)).toMatch(/\.$/);
  });
  it('compares calendar days', () => {
    expect(isAfterToday('2026-12-02', '2026-12-01')).toBe(true);
    expect(isAfterToday('2026-12-01', '2026-12-01')).toBe(false);
    expect(isAfterToday('2025-12-31', '2026-01-01')).toBe(false);
  });
});
