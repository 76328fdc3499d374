import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from './startup-error';

/** Is that process still running? (signal 0 checks without signalling; EPERM means it exists.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One `serve` per embedded SQLite file: a second server on the same file would come up "ready" and
 * then contend for the write lock and miss the first one's live changes. The owner writes its PID
 * beside the database (`<file>.serve.pid`, created exclusively); a file left by a process that died
 * is taken over. The CLI's short commands do not take it: they may run beside the server.
 */
export function claimSqliteFile(file: string): { release(): void } {
  const lockFile = `${file}.serve.pid`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return { release: () => releaseIfOurs(lockFile) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new StartupError(`DATABASE_URL=sqlite://${file}: its directory cannot be written (${code}); choose a writable directory, or set DATABASE_URL to another file.`);
      }
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new StartupError(`DATABASE_URL=sqlite://${file} is already served by another community-graph (PID ${owner}); stop it first, or set DATABASE_URL to another file (one server per SQLite file; use PostgreSQL for replicas).`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new StartupError(`DATABASE_URL=sqlite://${file}: could not claim ${lockFile}; remove it if no community-graph is running.`);
}

function releaseIfOurs(lockFile: string): void {
  try {
    if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
