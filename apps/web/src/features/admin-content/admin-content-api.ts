import type {
  ContactMessageDto,
  ContactMessageList,
  ContactMessageStatus,
  ContentImageUploaded,
  FaqEntryBody,
  FaqEntryDto,
  FaqEntryList,
  FaqEntryPatch,
  SiteContentDto,
  SiteContentKey,
  TeamMemberBody,
  TeamMemberDto,
  TeamMemberList,
  TeamMemberPatch,
} from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';

export const listSiteContent = () => apiRequest<{ items: SiteContentDto[] }>('/api/admin/content');
export const saveSiteContent = (key: SiteContentKey, value: unknown) =>
  apiRequest<SiteContentDto>(`/api/admin/content/${key}`, { method: 'PUT', body: { value } });
export const uploadContentImage = (file: File) =>
  uploadFile<ContentImageUploaded>('/api/admin/content/images', file);

const team = '/api/admin/team';
export const listTeam = () => apiRequest<TeamMemberList>(team);
export const createTeamMember = (body: TeamMemberBody) =>
  apiRequest<TeamMemberDto>(team, { method: 'POST', body });
export const updateTeamMember = (id: string, body: TeamMemberPatch) =>
  apiRequest<TeamMemberDto>(`${team}/${id}`, { method: 'PATCH', body });
export const deleteTeamMember = (id: string) => apiRequest<void>(`${team}/${id}`, { method: 'DELETE' });
export const reorderTeam = (ids: string[]) =>
  apiRequest<TeamMemberList>(`${team}/reorder`, { method: 'POST', body: { ids } });
export const uploadTeamPhoto = (id: string, file: File) =>
  uploadFile<TeamMemberDto>(`${team}/${id}/photo`, file);
export const removeTeamPhoto = (id: string) =>
  apiRequest<TeamMemberDto>(`${team}/${id}/photo`, { method: 'DELETE' });

const faq = '/api/admin/faq';
export const listFaq = () => apiRequest<FaqEntryList>(faq);
export const createFaqEntry = (body: FaqEntryBody) => apiRequest<FaqEntryDto>(faq, { method: 'POST', body });
export const updateFaqEntry = (id: string, body: FaqEntryPatch) =>
  apiRequest<FaqEntryDto>(`${faq}/${id}`, { method: 'PATCH', body });
export const deleteFaqEntry = (id: string) => apiRequest<void>(`${faq}/${id}`, { method: 'DELETE' });
export const reorderFaq = (ids: string[]) =>
  apiRequest<FaqEntryList>(`${faq}/reorder`, { method: 'POST', body: { ids } });

const messages = '/api/admin/contact-messages';
export function listMessages(p: {
  page: number;
  status?: ContactMessageStatus;
}): Promise<ContactMessageList> {
  const params = new URLSearchParams({ page: String(p.page), limit: '20' });
  if (p.status) params.set('status', p.status);
  return apiRequest(`${messages}?${params.toString()}`);
}
export const setMessageStatus = (id: string, status: ContactMessageStatus) =>
  apiRequest<ContactMessageDto>(`${messages}/${id}`, { method: 'PATCH', body: { status } });
export const deleteMessage = (id: string) => apiRequest<void>(`${messages}/${id}`, { method: 'DELETE' });

/** Move the item at `from` to `to` in a list of ids (the reorder buttons). */
export function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
}
