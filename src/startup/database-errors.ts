import { DatabaseConfig } from '../config';
import { StartupError, withoutPassword } from './startup-error';

interface DriverError { code?: string; message?: string; address?: string; port?: number; hostname?: string }

/**
 * Turns a failure to open the database into what the operator must do: PostgreSQL's login and
 * missing-database errors (SQLSTATE 28000, 28P01, 3D000), unreachable servers, and SQLite files that
 * cannot be opened. Anything else is returned unchanged (a bug, reported with its own message).
 */
export function explainDatabaseError(error: unknown, database: DatabaseConfig): unknown {
  const e = (error ?? {}) as DriverError;
  const cause = (e as { cause?: DriverError }).cause ?? e;
  const code = e.code ?? cause.code;
  if (database.kind === 'postgres') {
    const shown = `DATABASE_URL=${withoutPassword(database.url)}`;
    const url = safeUrl(database.url);
    const dbName = decodeURIComponent(url?.pathname.replace(/^\//, '') || 'postgres');
    const user = decodeURIComponent(url?.username || process.env.PGUSER || 'postgres');
    const where = `${url?.hostname || 'localhost'}:${url?.port || '5432'}`;
    if (code === '28000' || code === '28P01') {
      return new StartupError(`${shown}: PostgreSQL refused the login (${e.message}); use a role that exists with the right password (createuser ${user}), or fix the user in DATABASE_URL.`);
    }
    if (code === '3D000') {
      return new StartupError(`${shown}: the database "${dbName}" does not exist; create it with: createdb -h ${url?.hostname || 'localhost'} -p ${url?.port || '5432'} -U ${user} ${dbName}`);
    }
    if (code === 'ECONNREFUSED') return new StartupError(`${shown}: nothing accepts connections at ${where}; start PostgreSQL there, or fix the host and port in DATABASE_URL.`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new StartupError(`${shown}: the host "${url?.hostname}" does not resolve; fix the host in DATABASE_URL.`);
    return error;
  }
  const shown = `DATABASE_URL=sqlite://${database.file}`;
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS') {
    return new StartupError(`${shown}: the file cannot be opened or created (${code}); check that its directory exists and is writable, or set DATABASE_URL to another file.`);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StartupError(`${shown}: the file is not a SQLite database (${code}); point DATABASE_URL at a Community Graph database or a new file.`);
  }
  return error;
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
