export * from './enums.ts';
export * from './accounts.ts';
