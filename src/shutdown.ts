import { App } from './app';

/** Extra time past SHUTDOWN_TIMEOUT_MS for closing Redis and the database before giving up. */
const CLOSE_MARGIN_MS = 5_000;

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (idle keep-alive
 * connections are closed at once; busy ones are cut at SHUTDOWN_TIMEOUT_MS), then close the
 * WebSocket server, Redis and the database through app.close(), and exit 0. If closing hangs past
 * the deadline plus a margin, exit 1 so the orchestrator's kill does not find a wedged process.
 */
export function installShutdown(app: App, shutdownTimeoutMs: number, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    app.logger.info({ signal, deadlineMs: shutdownTimeoutMs }, 'shutting down: draining requests');
    const hard = setTimeout(() => {
      app.logger.error({ signal, elapsedMs: Date.now() - started }, 'shutdown exceeded its deadline; exiting');
      exit(1);
    }, shutdownTimeoutMs + CLOSE_MARGIN_MS);
    hard.unref();
    app.close().then(() => {
      clearTimeout(hard);
      app.logger.info({ signal, elapsedMs: Date.now() - started }, 'shut down cleanly');
      exit(0);
    }, (error: unknown) => {
      clearTimeout(hard);
      app.logger.error({ err: error }, 'shutdown failed');
      exit(1);
    });
  };
  // `on`, not `once`: libraries using signal-exit re-raise a signal when no other listener remains,
  // which would kill the process mid-drain. A second signal while draining is ignored.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
