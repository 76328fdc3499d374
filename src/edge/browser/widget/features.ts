/**
 * Replaced at bundle time (esbuild `define`) by the server, from its own schema: true only when the
 * schema has Subscription.registrationCounts and Mutation.register. Used directly in `if` so that,
 * when false, the live and register code is dropped from the bundle, and nothing calls a missing API.
 */
declare global {
  const __CG_REGISTRATIONS__: boolean;
}

export {};
