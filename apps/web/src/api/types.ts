import type {
  CategoryList as CategoryListSchema,
  CourseAuditEntry as CourseAuditEntrySchema,
  CourseAuditList as CourseAuditListSchema,
  CourseLevel as CourseLevelSchema,
  CoursePatch as CoursePatchSchema,
  Currency as CurrencySchema,
  InstructorRef as InstructorRefSchema,
  LessonOutline as LessonOutlineSchema,
  LessonPatch as LessonPatchSchema,
  LessonType as LessonTypeSchema,
  MailDetail as MailDetailSchema,
  MailList as MailListSchema,
  MailStatus as MailStatusSchema,
  MailSummary as MailSummarySchema,
  RecoveryCodesResponse as RecoveryCodesSchema,
  SectionOutline as SectionOutlineSchema,
  StudioCourseList as StudioCourseListSchema,
  StudioLesson as StudioLessonSchema,
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

export type CategoryList = z.infer<typeof CategoryListSchema>;
export type CourseLevel = z.infer<typeof CourseLevelSchema>;
export type Currency = z.infer<typeof CurrencySchema>;
export type LessonType = z.infer<typeof LessonTypeSchema>;
export type InstructorRef = z.infer<typeof InstructorRefSchema>;
export type LessonOutline = z.infer<typeof LessonOutlineSchema>;
export type SectionOutline = z.infer<typeof SectionOutlineSchema>;
export type CoursePatch = z.infer<typeof CoursePatchSchema>;
export type LessonPatch = z.infer<typeof LessonPatchSchema>;
export type StudioCourseList = z.infer<typeof StudioCourseListSchema>;
export type StudioCourseSummary = StudioCourseList['items'][number];
export type StudioLesson = z.infer<typeof StudioLessonSchema>;
export type CourseAuditEntry = z.infer<typeof CourseAuditEntrySchema>;
export type CourseAuditList = z.infer<typeof CourseAuditListSchema>;
