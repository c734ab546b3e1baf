export * from './admin.ts';
export * from './errors.ts';
export * from './identity.ts';
