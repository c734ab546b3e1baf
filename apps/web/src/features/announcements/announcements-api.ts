import {
  type AdminAnnouncement,
  type AdminAnnouncementList,
  type AnnouncementInput,
  type AnnouncementPatch,
  type AnnouncementStatus,
  announcementAudienceOf,
  type PublicAnnouncementList,
} from '@9tangle/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';
import { useMe } from '../session/use-me.ts';

/** The viewer's banners; the server seeds this key into every page it renders. */
export function useAnnouncements() {
  const { data: me } = useMe();
  const audience = announcementAudienceOf(me?.user.role);
  return useQuery({
    queryKey: ['announcements', audience],
    queryFn: () => apiRequest<PublicAnnouncementList>('/api/announcements'),
    staleTime: 60_000,
  });
}

export const adminAnnouncementsKey = ['admin', 'announcements'] as const;

export function useAdminAnnouncements(p: { page: number; status?: AnnouncementStatus | undefined }) {
  const query = new URLSearchParams({ page: String(p.page), limit: '20' });
  if (p.status) query.set('status', p.status);
  return useQuery({
    queryKey: [...adminAnnouncementsKey, p],
    queryFn: () => apiRequest<AdminAnnouncementList>(`/api/admin/announcements?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
}

type Change =
  | { kind: 'create'; body: AnnouncementInput }
  | { kind: 'update'; id: string; body: AnnouncementPatch }
  | { kind: 'activate' | 'deactivate' | 'delete'; id: string };

/** Every admin change; the admin list and everyone's banners refetch after it. */
export function useAnnouncementChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: Change): Promise<AdminAnnouncement | undefined> => {
      const base = '/api/admin/announcements';
      if (c.kind === 'create') return apiRequest(base, { method: 'POST', body: c.body });
      const one = `${base}/${encodeURIComponent(c.id)}`;
      if (c.kind === 'update') return apiRequest(one, { method: 'PATCH', body: c.body });
      if (c.kind === 'delete') return apiRequest(one, { method: 'DELETE' });
      return apiRequest(`${one}/${c.kind}`, { method: 'POST' });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminAnnouncementsKey }),
        queryClient.invalidateQueries({ queryKey: ['announcements'] }),
      ]),
  });
}
