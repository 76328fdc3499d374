import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * Counts SQL statements as TypeORM sends them. Used by the statement-budget tests and the
 * benchmarks ("SQL statements per request"); cheap enough to leave on.
 */
export class StatementCounter extends AbstractLogger {
  count = 0;
  readonly statements: string[] = [];
  keepText = false;

  constructor() {
    super(['query']);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    for (const entry of Array.isArray(message) ? message : [message]) {
      if (entry.type !== 'query') continue;
      this.count++;
      if (this.keepText) this.statements.push(String(entry.message));
    }
  }

  /** Runs `work` and returns how many statements it sent. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.count;
    const result = await work();
    return { result, statements: this.count - before };
  }
}
