import type { FastifyBaseLogger, preHandlerHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Storage } from '../../platform/storage.ts';
import type { EnrollmentService } from '../learning/enrollment.service.ts';
import type { MailService } from '../notifications/mail.service.ts';

/** What every commerce slice (shop, cart, checkout, payments, manual transfers, orders) is built from. */
export interface CommerceDeps {
  config: Config;
  database: Database;
  cache: Cache;
  clock: Clock;
  jobs: Jobs;
  storage: Storage;
  secrets: Secrets;
  mail: MailService;
  log: FastifyBaseLogger;
  /** Course access: fulfilment grants, refunds revoke (idempotent, inside the caller's transaction). */
  enrollments: EnrollmentService;
  /** Tell the catalog its cached figures moved (enrollment counts). */
  onEnrollmentChange: () => Promise<void>;
  /** A user's current name and address, for mail. */
  userContact: (userId: string) => Promise<{ name: string; email: string } | null>;
  requireAdmin: preHandlerHookHandler;
  /** Instructors and admins (the studio's guard). */
  requireInstructor: preHandlerHookHandler;
}
