/**
 * Polls `check` every 10 ms until it holds; fails naming `what` after `timeoutMs`. The timeout guards
 * against hanging and is no latency bound: a test's evidence is the condition, never the time waited.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
