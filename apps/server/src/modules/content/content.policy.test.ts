import { describe, expect, it } from 'vitest';
import { contactRecipients, groupByCategory, hourBucket, isPermutationOf } from './content.policy.ts';

describe('isPermutationOf', () => {
  it('accepts every id once in any order', () => {
    expect(isPermutationOf(['b', 'a', 'c'], ['a', 'b', 'c'])).toBe(true);
  });
  it('refuses a missing, an extra, a repeated or an unknown id', () => {
    expect(isPermutationOf(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(isPermutationOf(['a', 'b', 'c', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(isPermutationOf(['a', 'a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(isPermutationOf(['a', 'b', 'x'], ['a', 'b', 'c'])).toBe(false);
  });
});

describe('groupByCategory', () => {
  it('keeps entry order inside a group and orders groups by their first entry', () => {
    const rows = [
      { id: 1, category: 'Payments' },
      { id: 2, category: '' },
      { id: 3, category: 'Payments' },
      { id: 4, category: 'Certificates' },
    ];
    expect(groupByCategory(rows)).toEqual([
      { category: 'Payments', entries: [rows[0], rows[2]] },
      { category: '', entries: [rows[1]] },
      { category: 'Certificates', entries: [rows[3]] },
    ]);
  });
  it('answers no groups for no entries', () => {
    expect(groupByCategory([])).toEqual([]);
  });
});

describe('contactRecipients', () => {
  it('sends to the published contact address alone when there is one', () => {
    expect(contactRecipients(' hello@academy.pk ', ['a@x.pk', 'b@x.pk'])).toEqual(['hello@academy.pk']);
  });
  it('falls back to every admin, each address once whatever its case', () => {
    expect(contactRecipients('', ['a@x.pk', 'A@X.pk', 'b@x.pk'])).toEqual(['a@x.pk', 'b@x.pk']);
  });
});

describe('hourBucket', () => {
  it('puts moments of one clock hour together and the next hour apart', () => {
    const a = hourBucket(new Date('2026-12-01T10:00:00Z'));
    expect(hourBucket(new Date('2026-12-01T10:59:59Z'))).toBe(a);
    expect(hourBucket(new Date('2026-12-01T11:00:00Z'))).toBe(a + 1);
  });
});
