import type {
  MailDetail as MailDetailSchema,
  MailList as MailListSchema,
  MailStatus as MailStatusSchema,
  MailSummary as MailSummarySchema,
  RecoveryCodesResponse as RecoveryCodesSchema,
  TwoFactorSetupResponse as TwoFactorSetupSchema,
} from '@9tangle/contracts';
import type { z } from 'zod';

// The contracts export these schemas without a matching type alias, so the types are inferred here.
export type MailStatus = z.infer<typeof MailStatusSchema>;
export type MailSummary = z.infer<typeof MailSummarySchema>;
export type MailDetail = z.infer<typeof MailDetailSchema>;
export type MailList = z.infer<typeof MailListSchema>;
export type TwoFactorSetup = z.infer<typeof TwoFactorSetupSchema>;
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;
