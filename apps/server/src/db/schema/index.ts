export * from './identity.ts';
export * from './notifications.ts';
