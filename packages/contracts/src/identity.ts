import { z } from 'zod';

export const Roles = ['student', 'instructor', 'admin'] as const;
export const Role = z.enum(Roles);
export type Role = z.infer<typeof Role>;

/** An email address: trimmed, lower-cased, no line breaks (header injection), at most 254 characters. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

/** A new password: 10 to 200 characters. Length beats composition rules (NIST SP 800-63B). */
export const NewPassword = z.string().min(10, { message: 'Use at least 10 characters' }).max(200);
/** A display name: no control characters, 1 to 100 characters. */
export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, { message: 'Name contains invalid characters' });
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, { message: 'Enter a valid phone number' });

export const SixDigitCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'Enter the 6-digit code' });
export const Token = z.string().min(20).max(200);

export const UserDto = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: Role,
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  avatarUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;

export const MeResponse = z.object({
  user: UserDto,
  /** Send back as the `x-csrf-token` header on every cookie-authenticated write. */
  csrfToken: z.string(),
  /** True when an admin is signed in as this user ("view as"). */
  impersonated: z.boolean(),
  /** The admin signed in as this user, when `impersonated`. */
  impersonator: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable().optional(),
  /** Units in the user's cart, for the header's badge (the cart itself is `GET /api/cart`). */
  cartCount: z.number().int().min(0).optional(),
});
export type MeResponse = z.infer<typeof MeResponse>;

// Request bodies are strict: an unknown field (a role, a verified flag) is refused, never dropped.
export const RegisterBody = z
  .object({
    name: PersonName,
    email: Email,
    password: NewPassword,
    phone: Phone.optional(),
  })
  .strict();
export type RegisterBody = z.infer<typeof RegisterBody>;

export const LoginBody = z
  .object({
    email: Email,
    password: z.string().min(1).max(200),
    /** API clients set this to receive the session token in the body (use it as a Bearer token). */
    returnToken: z.boolean().optional(),
  })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), user: UserDto, csrfToken: z.string(), token: z.string().optional() }),
  z.object({ status: z.literal('mfa_required'), challenge: z.string() }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const LoginTwoFactorBody = z
  .object({
    challenge: Token,
    /** A 6-digit TOTP code or one of the recovery codes. */
    code: z.string().trim().min(6).max(32),
    returnToken: z.boolean().optional(),
  })
  .strict();
export type LoginTwoFactorBody = z.infer<typeof LoginTwoFactorBody>;

/** Verify an address: the code (signed in, or with the email) or the token from the link. */
export const VerifyEmailBody = z.union([
  z.object({ code: SixDigitCode, email: Email.optional() }).strict(),
  z.object({ token: Token }).strict(),
]);
export type VerifyEmailBody = z.infer<typeof VerifyEmailBody>;

export const ResendVerificationBody = z.object({ email: Email.optional() }).strict();

export const ForgotPasswordBody = z.object({ email: Email }).strict();
export const ResetPasswordBody = z.object({ token: Token, password: NewPassword }).strict();
export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: NewPassword,
  })
  .strict();
export const ChangeEmailBody = z.object({ newEmail: Email, password: z.string().min(1).max(200) }).strict();
export const ConfirmEmailChangeBody = z.union([
  z.object({ code: SixDigitCode }).strict(),
  z.object({ token: Token }).strict(),
]);
export const UpdateProfileBody = z
  .object({
    name: PersonName.optional(),
    phone: Phone.nullable().optional(),
  })
  .strict();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const SessionDto = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionDto = z.infer<typeof SessionDto>;
export const SessionList = z.object({ sessions: z.array(SessionDto) });

export const TwoFactorSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** A PNG data URL of the QR code for authenticator apps. */
  qrDataUrl: z.string(),
});
export const TwoFactorCodeBody = z.object({ code: z.string().trim().min(6).max(32) }).strict();
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const AuthEventTypes = [
  'sign_up',
  'sign_in_success',
  'sign_in_failure',
  'sign_in_throttled',
  'two_factor_failure',
  'two_factor_enabled',
  'two_factor_disabled',
  'recovery_code_used',
  'email_verified',
  'password_reset_requested',
  'password_reset',
  'password_changed',
  'email_change_requested',
  'email_changed',
  'role_changed',
  'suspended',
  'unsuspended',
  'sign_out',
  'sign_out_everywhere',
  'session_revoked',
  'impersonation_started',
  'impersonation_stopped',
  'anonymised',
] as const;
export const AuthEventType = z.enum(AuthEventTypes);
export type AuthEventType = z.infer<typeof AuthEventType>;
