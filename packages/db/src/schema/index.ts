export * from './enums.ts';
export * from './accounts.ts';
export * from './profiles.ts';
export * from './info.ts';
export * from './network.ts';
export * from './posts.ts';
