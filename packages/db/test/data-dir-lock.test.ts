import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/client.ts';

describe('a PGlite data directory', () => {
  let root: string;
  let dataDir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'career-nexus-lock-'));
    dataDir = join(root, 'pglite');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('opens once at a time, and again after it was closed', async () => {
    const first = await createDatabase({ dataDir });

    const second = createDatabase({ dataDir });

    await expect(second).rejects.toThrow(/already open in this process/);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await createDatabase({ dataDir });
    await again.close();
  });

  it('refuses a directory another running process holds, naming it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeFile(`${dataDir}.lock`, `${holder.pid}\n`);

      const opening = createDatabase({ dataDir });

      await expect(opening).rejects.toThrow(`already open in process ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${dataDir}.lock`, `${gone}\n`);

    const handle = await createDatabase({ dataDir });

    expect(await readFile(`${dataDir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await handle.close();
  });
});
