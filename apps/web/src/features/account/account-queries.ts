export const sessionsQueryKey = ['account', 'sessions'] as const;
