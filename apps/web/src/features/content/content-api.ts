import type {
  ContactBody,
  PublicFaq,
  PublicTeamList,
  SiteContentEntry,
  SiteContentKey,
} from '@9tangle/contracts';
import { apiRequest } from '../../api/client.ts';

export const getSiteContent = <K extends SiteContentKey>(key: K) =>
  apiRequest<SiteContentEntry<K>>(`/api/content/${encodeURIComponent(key)}`);
export const getTeam = () => apiRequest<PublicTeamList>('/api/team');
export const getFaq = () => apiRequest<PublicFaq>('/api/faq');
export const sendContactMessage = (body: ContactBody) =>
  apiRequest<{ status: 'received' }>('/api/contact', { method: 'POST', body });
