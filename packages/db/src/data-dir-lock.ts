import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Another process (or this one) already has the data directory open. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/** Held while this process has a PGlite data directory open. */
export interface DataDirLock {
  release(): void;
}

/**
 * Claims a PGlite data directory for this process, as PostgreSQL's
 * `postmaster.pid` does. PGlite takes no lock of its own, and two PGlite
 * instances writing one directory, in one process or two, leave it
 * unreadable. The lock is a file beside the directory holding the owner's
 * process id; one whose process is gone (killed, crashed) is taken over.
 *
 * Liveness is checked by process id, never by age: PGlite blocks the event
 * loop during long operations, so a heartbeat could call a live owner stale.
 * Two processes taking over the same stale lock at the same instant could
 * both succeed; that race is left open.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = `${dataDir}.lock`;
  for (;;) {
    if (tryCreate(path)) break;
    const owner = ownerOf(path);
    if (owner !== undefined && isRunning(owner)) {
      const who = owner === process.pid ? 'this process' : `process ${owner}`;
      throw new DataDirInUseError(
        `The database in ${dataDir} is already open in ${who}. Stop it first: ` +
          'two processes writing one PGlite directory corrupt it.',
      );
    }
    rmSync(path, { force: true });
  }

  const release = () => {
    process.off('exit', release);
    if (ownerOf(path) === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { release };
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
