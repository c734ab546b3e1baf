export * from './admin.ts';
export * from './catalog.ts';
export * from './errors.ts';
export * from './identity.ts';
export * from './learning.ts';
