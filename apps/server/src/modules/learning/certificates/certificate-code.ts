import { randomInt } from 'node:crypto';
import { CERTIFICATE_CODE_ALPHABET } from '@9tangle/contracts';

/**
 * A new certificate code, `9T-XXXX-XXXX-XXXX`: twelve characters drawn uniformly (crypto `randomInt`,
 * no modulo bias) from 30 that cannot be confused when read aloud, about 59 bits. Guessing one takes on
 * the order of 10^17 tries, far beyond what the API rate limit lets through, so the code alone can be
 * public: it only proves what the verification page shows.
 */
export function newCertificateCode(): string {
  const chars = Array.from(
    { length: 12 },
    () => CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)],
  ).join('');
  return `9T-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The public verification page of a code, absolute (printed on the PDF and in its QR code). */
export function certificateUrl(publicUrl: URL, code: string): string {
  return new URL(`/certificates/${encodeURIComponent(code)}`, publicUrl).toString();
}

/** The page's path, as the web app links it. */
export const certificatePath = (code: string) => `/certificates/${encodeURIComponent(code)}`;
/** Where the owner (or an admin) downloads the PDF. */
export const certificatePdfPath = (code: string) =>
  `/api/learning/certificates/${encodeURIComponent(code)}/pdf`;
