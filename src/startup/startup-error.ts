/**
 * A start-up failure the operator can fix: one line naming the setting, its value and the fix.
 * `main.ts` prints only the message (no stack unless LOG_LEVEL=debug) and exits 1.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`: values are shown, passwords never. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
