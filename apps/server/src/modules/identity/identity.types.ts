import type { Role } from '@9tangle/contracts';

/** The signed-in user as every service sees it; read fresh from the database on each request. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  sessionId: string;
  /** Set when an admin signed in as this user. */
  impersonatorId: string | null;
  /** The rest of the account's public fields, read with the session: `me` needs no query of its own. */
  phone: string | null;
  avatarKey: string | null;
  createdAt: Date;
}

/** Who made a request, for auth events and sessions. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
