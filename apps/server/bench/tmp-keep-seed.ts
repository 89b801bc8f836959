import { createTestDatabase } from '@career-nexus/db/testing';
import { seedNetwork } from './network-seed.ts';
const db = await createTestDatabase();
const viewer = await seedNetwork(db.handle.db);
console.log(db.url, JSON.stringify(viewer));
await db.handle.close();
