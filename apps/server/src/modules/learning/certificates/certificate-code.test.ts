import {
  CERTIFICATE_CODE_ALPHABET,
  CERTIFICATE_CODE_PATTERN,
  normalizeCertificateCode,
} from '@9tangle/contracts';
import { describe, expect, it } from 'vitest';
import {
  certificatePath,
  certificatePdfPath,
  certificateUrl,
  newCertificateCode,
} from './certificate-code.ts';

describe('newCertificateCode', () => {
  it('draws 9T-XXXX-XXXX-XXXX from the unambiguous alphabet, never the same twice in 20 000', () => {
    const codes = Array.from({ length: 20_000 }, newCertificateCode);
    for (const code of codes.slice(0, 500)) expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set(codes.flatMap((c) => [...c.slice(3).replaceAll('-', '')]));
    // Every character of the alphabet turns up, and none of 0 O 1 I L U ever does.
    expect([...used].sort().join('')).toBe([...CERTIFICATE_CODE_ALPHABET].sort().join(''));
    for (const confusable of '0O1ILU') expect(used.has(confusable)).toBe(false);
  });
});

describe('normalizeCertificateCode', () => {
  it('reads a code however it was typed', () => {
    for (const typed of ['9T-ABCD-EFGH-JKMN', '9t-abcd-efgh-jkmn', '9TABCDEFGHJKMN', ' 9t abcd efgh jkmn '])
      expect(normalizeCertificateCode(typed)).toBe('9T-ABCD-EFGH-JKMN');
  });
  it('refuses what cannot be a code', () => {
    for (const bad of [
      '',
      'hello',
      '9T-ABCD-EFGH',
      '9T-ABCD-EFGH-JKMNP',
      'XT-ABCD-EFGH-JKMN',
      '9T-ABC0-EFGH-JKMN',
      '9T-ABCI-EFGH-JKMN',
    ])
      expect(normalizeCertificateCode(bad)).toBeNull();
  });
});

describe('certificate addresses', () => {
  it('point the QR code and the mail at the public verification page', () => {
    expect(certificateUrl(new URL('https://academy.example.com'), '9T-ABCD-EFGH-JKMN')).toBe(
      'https://academy.example.com/certificates/9T-ABCD-EFGH-JKMN',
    );
    expect(certificatePath('9T-ABCD-EFGH-JKMN')).toBe('/certificates/9T-ABCD-EFGH-JKMN');
    expect(certificatePdfPath('9T-ABCD-EFGH-JKMN')).toBe('/api/learning/certificates/9T-ABCD-EFGH-JKMN/pdf');
  });
});
