import type { TestServer } from './server';
import { until } from './until';

/**
 * Waits until this replica has exactly `n` subscriptions attached (after subscribing, so no published
 * change can be missed; 0 after closing, so the next test starts clean). Waits for the state, not for a
 * time: a loaded machine attaches slower, never differently.
 */
export async function untilSubscriptions(server: Pick<TestServer, 'app'>, n: number): Promise<void> {
  await until(() => server.app.activeSubscriptions() === n, `${n} subscriptions are attached (now ${server.app.activeSubscriptions()})`);
}
