import { z } from 'zod';

/**
 * Backups, restores and the restore drill (issue 5 §4). An archive is one
 * `9tangle-backup-<UTC timestamp>.tar.gz` in the backup directory; its name is the only way to address it.
 */
export const BACKUP_ARCHIVE_PATTERN = /^9tangle-backup-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$/;

export const BackupArchiveName = z
  .string()
  .max(80)
  .regex(BACKUP_ARCHIVE_PATTERN, { message: 'Not a backup archive name' });

/** One archive on disk. */
export const BackupArchiveDto = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  /** When the archive was completed (its file time). */
  createdAt: z.string(),
});
export type BackupArchiveDto = z.infer<typeof BackupArchiveDto>;

export const JobRunStatus = z.enum(['running', 'succeeded', 'failed']);
export type JobRunStatus = z.infer<typeof JobRunStatus>;

/** One run of the `backup` or `restore_drill` job, as `job_runs` records it. */
export const BackupRunDto = z.object({
  id: z.uuid(),
  job: z.enum(['backup', 'restore_drill']),
  status: JobRunStatus,
  /** `schedule`, `cli` or `admin:<user id>`. */
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  /**
   * backup: `{ archive, sizeBytes, tables, rows, files, durationMs }`;
   * restore_drill: `{ archive, ok, tables, mismatches: [...], durationMs }`.
   */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});
export type BackupRunDto = z.infer<typeof BackupRunDto>;

/** `GET /api/admin/backups`: the archives, the recent runs of both jobs, the schedule. */
export const BackupsOverview = z.object({
  archives: z.array(BackupArchiveDto),
  runs: z.array(BackupRunDto),
  lastBackup: BackupRunDto.nullable(),
  lastDrill: BackupRunDto.nullable(),
  schedule: z.object({
    backupCron: z.string(),
    drillCron: z.string(),
    retentionDays: z.number().int(),
    /** The directory archives are written to, on the server. */
    directory: z.string(),
    databaseKind: z.enum(['postgres', 'embedded']),
  }),
});
export type BackupsOverview = z.infer<typeof BackupsOverview>;

export const StartBackupBody = z.object({}).strict();
export type StartBackupBody = z.infer<typeof StartBackupBody>;

export const StartDrillBody = z
  .object({
    /** The archive to drill; the newest when left out. */
    archive: BackupArchiveName.optional(),
  })
  .strict();
export type StartDrillBody = z.infer<typeof StartDrillBody>;

/** `POST /api/admin/backups` and `/drill`: the run that was queued. */
export const StartedRun = z.object({ run: BackupRunDto });
export type StartedRun = z.infer<typeof StartedRun>;

export const BackupNameParams = z.object({ name: BackupArchiveName });
