import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { signedIn, studioCourse } from './catalog.ts';
import type { Client, TestApp } from './harness.ts';

/** The stored files of a course, as they lie on disk. */
export function filesOf(t: TestApp, courseId: string): string[] {
  const dir = join(t.config.dataDir, 'uploads', 'media', courseId);
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** An instructor's draft course with a lesson of `type`, made through the studio. */
export async function lessonOf(t: TestApp, type: 'video' | 'pdf' | 'text' | 'resources' = 'video') {
  const owner = await signedIn(t, 'instructor');
  const { course, section } = await studioCourse(owner.client);
  const res = await owner.client.post(`/api/studio/sections/${section.id}/lessons`, {
    title: `A ${type}`,
    type,
  });
  expect(res.statusCode).toBe(201);
  return { owner, course, lesson: res.json() as { id: string } };
}

/** The actions of a course's audit trail, newest first. */
export async function auditActions(client: Client, courseId: string): Promise<string[]> {
  const res = await client.get(`/api/studio/courses/${courseId}/audit`);
  return (res.json().items as { action: string }[]).map((i) => i.action);
}
