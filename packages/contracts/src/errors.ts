/**
 * Stable error codes. The server answers every failure as
 * `{ "error": { "code", "message", "details?", "requestId" } }` and the web app switches on `code`.
 */
export const ErrorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'csrf_failed',
  'rate_limited',
  'database_unavailable',
  'overloaded',
  'internal_error',
  'payload_too_large',
  'unsupported_media_type',
  'request_timeout',
  // identity
  'email_taken',
  'invalid_credentials',
  'account_suspended',
  'email_not_verified',
  'invalid_code',
  'code_expired',
  'too_many_attempts',
  'resend_cooldown',
  'invalid_token',
  'already_verified',
  'mfa_required',
  'mfa_invalid_challenge',
  'two_factor_already_enabled',
  'two_factor_not_enabled',
  'two_factor_not_set_up',
  'two_factor_required',
  'wrong_password',
  'same_email',
  'invalid_image',
  'cannot_change_own_role',
  'mail_not_failed',
  // catalog
  'slug_taken',
  'course_has_no_lessons',
  'invalid_course_status',
  'category_in_use',
  // learning
  'payment_required',
  'lesson_locked',
  'enrollment_expired',
  'quiz_not_passed',
  // media
  'invalid_file_type',
  'wrong_lesson_type',
  'range_not_satisfiable',
  // quizzes
  'quiz_not_ready',
  'attempt_limit_reached',
  'attempt_submitted',
  'attempt_time_up',
  'question_in_use',
  'lesson_not_quiz',
  // certificates
  'certificate_revoked',
  'certificate_not_revoked',
  // reviews
  'enrollment_required',
  'review_exists',
  'review_hidden',
  'review_not_hidden',
  // studio
  'invalid_cursor',
  'not_an_instructor',
  'already_instructor',
  'last_instructor',
  // shop
  'too_many_images',
  'not_a_buyer',
  'currency_not_sold',
  'unknown_category',
  // cart
  'cart_currency_mismatch',
  'already_enrolled',
  'course_is_free',
  'not_for_sale',
  'out_of_stock',
  'coupon_code_taken',
  // checkout
  'cart_empty',
  'cart_unavailable',
  'already_owned',
  'coupon_invalid',
  'coupon_used_up',
  'provider_unavailable',
  'shipping_required',
  'shipping_rate_invalid',
  'idempotency_key_required',
  'idempotency_key_reused',
  'order_not_payable',
  'download_link_invalid',
  'download_link_expired',
  'order_invalid_transition',
  'refund_exceeds_paid',
  'refund_not_refundable',
  'refund_provider_unavailable',
  'refund_failed',
  // payments
  'invalid_signature',
  'payment_provider_error',
  'paypal_unavailable',
  'paypal_currency_unsupported',
  'manual_account_unavailable',
  'manual_order_not_payable',
  'proof_pending',
  'resubmissions_exhausted',
  'proof_already_reviewed',
  // backups
  'backup_running',
  'drill_running',
  'no_backup',
  // admin users and impersonation
  'last_admin',
  'cannot_act_on_self',
  'confirm_email_mismatch',
  'already_anonymised',
  'user_has_records',
  'cannot_impersonate',
  'not_impersonating',
  'impersonation_forbidden',
  // site content
  'message_not_spam',
  // maintenance jobs
  'job_running',
  // admin dashboard, announcements, featured courses
  'invalid_date_range',
  'invalid_announcement_window',
  'course_not_published',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown; requestId?: string };
}
