import {
  authFailuresCheck,
  backupCheck,
  mailCheck,
  manualPaymentsCheck,
  paymentsCheck,
  restoreDrillCheck,
} from './activity.checks.ts';
import { advisoriesCheck } from './advisories.check.ts';
import { changeNoticesCheck } from './change-notices.check.ts';
import type { Check } from './check.types.ts';
import { apiLatencyCheck, databaseCheck, diskCheck, errorLogCheck, memoryCheck } from './system.checks.ts';
import { tlsCheck } from './tls.check.ts';

/**
 * Every automated check, in the order the operations page lists them within each schedule: what the
 * maintenance guide's daily, weekly and monthly lists ask an operator to look at, that software can.
 */
export function defaultChecks(): Check[] {
  return [
    databaseCheck,
    diskCheck(),
    errorLogCheck,
    authFailuresCheck,
    mailCheck,
    memoryCheck,
    changeNoticesCheck,
    backupCheck,
    paymentsCheck,
    manualPaymentsCheck,
    apiLatencyCheck,
    restoreDrillCheck,
    advisoriesCheck,
    tlsCheck(),
  ];
}
