import { connect, type PeerCertificate } from 'node:tls';
import type { Check } from './check.types.ts';
import { CHECK_TIMEOUT_MS, TLS_CRIT_DAYS, TLS_WARN_DAYS } from './thresholds.ts';

interface Peer {
  cert: PeerCertificate;
  authorized: boolean;
  authorizationError: string | null;
}

/** Connect as a browser would (SNI, the system's CAs unless given) and read the peer certificate. */
function peerCertificate(host: string, port: number, ca?: string): Promise<Peer> {
  return new Promise((resolve, reject) => {
    // Not rejecting here: an invalid certificate is a finding to report, not a connection error.
    const socket = connect({
      host,
      port,
      servername: host,
      rejectUnauthorized: false,
      ...(ca ? { ca } : {}),
    });
    socket.setTimeout(CHECK_TIMEOUT_MS - 500, () =>
      socket.destroy(new Error(`no TLS answer from ${host}:${port}`)),
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const err = socket.authorizationError;
      resolve({ cert, authorized: socket.authorized, authorizationError: err ? String(err) : null });
      socket.end();
    });
    socket.once('error', reject);
  });
}

/**
 * The TLS certificate of `PUBLIC_URL`: days until it expires and whether it is valid for the host.
 * `ca` adds a trusted authority (tests use a self-signed one); production trusts the system's.
 */
export function tlsCheck(o: { ca?: string } = {}): Check {
  return {
    id: 'tls_certificate',
    title: 'TLS certificate of the public address',
    schedule: 'monthly',
    async run(ctx) {
      const url = ctx.publicUrl;
      if (url.protocol !== 'https:')
        return {
          state: 'ok',
          message: `Skipped: PUBLIC_URL is not https (${url.origin})`,
          details: { skipped: true },
        };
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const port = url.port ? Number(url.port) : 443;
      const peer = await peerCertificate(host, port, o.ca);
      const validTo = peer.cert.valid_to ? new Date(peer.cert.valid_to) : null;
      const daysLeft = validTo ? Math.floor((validTo.getTime() - ctx.now.getTime()) / 86_400_000) : null;
      const details = {
        host,
        port,
        subject: peer.cert.subject?.CN ?? null,
        issuer: peer.cert.issuer?.CN ?? peer.cert.issuer?.O ?? null,
        validFrom: peer.cert.valid_from ? new Date(peer.cert.valid_from).toISOString() : null,
        validTo: validTo?.toISOString() ?? null,
        daysLeft,
        authorized: peer.authorized,
        authorizationError: peer.authorizationError,
        warnBelowDays: TLS_WARN_DAYS,
        critBelowDays: TLS_CRIT_DAYS,
      };
      if (!peer.authorized)
        return {
          state: 'crit',
          message: `The certificate of ${host} is not valid: ${peer.authorizationError}`,
          details,
        };
      if (daysLeft === null)
        return { state: 'crit', message: `The certificate of ${host} has no expiry date`, details };
      const message = `The certificate of ${host} expires in ${daysLeft} days (${validTo?.toISOString().slice(0, 10)})`;
      if (daysLeft < TLS_CRIT_DAYS) return { state: 'crit', message, details };
      if (daysLeft < TLS_WARN_DAYS) return { state: 'warn', message, details };
      return { state: 'ok', message, details };
    },
  };
}
