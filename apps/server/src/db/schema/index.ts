export * from './catalog.ts';
export * from './commerce.ts';
export * from './identity.ts';
export * from './learning.ts';
export * from './notifications.ts';
