import { BACKUP_ARCHIVE_PATTERN } from '@9tangle/contracts';

/** The archive's name for a moment: `9tangle-backup-20261201T020000Z.tar.gz` (UTC, to the second). */
export function archiveNameFor(at: Date, suffix = 0): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `9tangle-backup-${stamp}${suffix > 0 ? `-${suffix}` : ''}.tar.gz`;
}

/** Whether a file name is a finished archive (temp files and anything else never are). */
export const isArchiveName = (name: string): boolean => BACKUP_ARCHIVE_PATTERN.test(name);

/**
 * Which archives retention deletes: those completed more than `retentionDays` ago, except the newest
 * one, which is always kept (a site whose backups stopped a month ago still has its last good one).
 * Only finished archives are considered: a temp file of a running backup is never a candidate.
 */
export function archivesToDelete(
  archives: { name: string; createdAt: Date }[],
  o: { now: Date; retentionDays: number },
): string[] {
  const finished = archives.filter((a) => isArchiveName(a.name));
  if (finished.length <= 1) return [];
  const newest = finished.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  const cutoff = o.now.getTime() - o.retentionDays * 86_400_000;
  return finished.filter((a) => a !== newest && a.createdAt.getTime() < cutoff).map((a) => a.name);
}

/** The moment an archive's name records (its start, UTC), or null for a name that is not an archive's. */
export function archiveTime(name: string): Date | null {
  const m = /^9tangle-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name);
  if (!m) return null;
  const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(t.getTime()) ? null : t;
}
