import { ApolloServerPlugin } from '@apollo/server';
import { Context } from '../../context';
import { Metrics } from '../../observability/metrics';

const MAX_OPERATION_LABELS = 200;

/** Client-chosen names become metric labels: bounded in number and shape, so a flood of names cannot explode the series. */
function operationLabeler(): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'invalid_name';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
}

/**
 * One log line and one histogram sample per GraphQL operation: name, type, duration and error codes.
 * Variables and query text are never logged (they may hold emails or tokens).
 */
export function operationObserverPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  const labelFor = operationLabeler();
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let operationName = 'anonymous';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation, operationName: name }) {
          operationName = labelFor(name);
          type = operation?.operation ?? 'unknown';
        },
        async willSendResponse({ response, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          // The response's own errors carry the final (formatted) codes when present.
          const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const finalCodes = sent ? sent.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) : codes;
          for (const code of finalCodes) metrics.errors.inc({ code });
          metrics.requestDuration.observe({ operation: operationName, type, outcome: finalCodes.length ? 'error' : 'ok' }, durationMs / 1000);
          contextValue.logger.info({ operationName, operationType: type, durationMs: Math.round(durationMs * 10) / 10, errorCodes: finalCodes }, 'graphql operation');
        },
      };
    },
  };
}
