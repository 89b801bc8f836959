import { ensureStaffAccount } from '@career-nexus/api';
import { ZodError } from 'zod';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../services.ts';

/** `pnpm admin:create <email> <password>`: makes sure a staff account exists. */
async function adminCreate(args: string[]): Promise<number> {
  const [email, password] = args;
  if (!email || !password) {
    process.stderr.write('Usage: pnpm admin:create <email> <password>\n');
    return 2;
  }

  const config = loadConfig();
  const database = await openDatabase(config, 1);
  try {
    await database.migrate();
    const staff = await ensureStaffAccount(database.db, email, password);
    const verb = staff.created ? 'Created' : 'Updated';
    process.stdout.write(`${verb} staff account ${staff.email} (id ${staff.id}).\n`);
    return 0;
  } finally {
    await database.close();
  }
}

adminCreate(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ZodError ? error.issues.map((issue) => issue.message).join(' ') : String(error);
    process.stderr.write(`Could not create the staff account: ${message}\n`);
    process.exit(1);
  },
);
