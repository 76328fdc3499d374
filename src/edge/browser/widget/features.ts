/**
 * Replaced at bundle time (esbuild `define`) by the server, from its own schema: true only when the
 * schema has Subscription.registrationCounts, Mutation.register, Mutation.cancelRegistration,
 * Mutation.claimInvitation and Query.myRegistration. Used directly in `if` so that, when false, the live, register and manage code
 * is dropped from the bundle, and nothing calls a missing API.
 */
declare global {
  const __CG_REGISTRATIONS__: boolean;
}

export {};
