export * from './schema/index.ts';
export * from './client.ts';
export { DataDirInUseError } from './data-dir-lock.ts';
export * from './errors.ts';
export * from './seed.ts';
