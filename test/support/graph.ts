import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import { Context, createContext } from '../../src/context';
import { openDatabase } from '../../src/db/data-source';
import { StatementCounter } from '../../src/db/statement-counter';
import { createApollo } from '../../src/edge/apollo';
import { createLogger } from '../../src/logger';
import { createMemoryPubSub } from '../../src/pubsub/pubsub';
import { createServices, ServiceOptions, Services } from '../../src/compose';
import { buildSchemaOver } from '../../src/compose-schema';
import { buildCommunitySubgraphSchema } from '../../src/schema/build-subgraph-schema';
import { loopbackUrlPolicy } from './url-policy';
import { BackendName, createTestDatabase, TestDatabase, testExecutor } from './backends';
import { orderedPlugins } from '../../src/edge/plugins/plugin-order';

export interface GraphResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: unknown }[];
}

/** The real schema, services and database, executed in process (no HTTP), with a SQL statement counter. */
export interface TestGraph {
  db: DataSource;
  database: TestDatabase;
  services: Services;
  sql: StatementCounter;
  execute(query: string, variables?: Record<string, unknown>, headers?: { authorization?: string }): Promise<GraphResult>;
  close(): Promise<void>;
}

export interface TestGraphOptions {
  /** 'subgraph': execute against the Federation 2 subgraph schema (`_entities`, `_service`) instead. */
  schema?: 'public' | 'subgraph';
  /** Overrides of the service options (HTTP client, sync policy, ILS availability...). */
  services?: Partial<ServiceOptions>;
  /** Each request's `now` (Context.now); default the real time. */
  clock?: () => Date;
}

export async function createTestGraph(backend: BackendName, options: TestGraphOptions = {}): Promise<TestGraph> {
  const database = await createTestDatabase(backend);
  const sql = new StatementCounter();
  const db = await openDatabase(database.config, { logger: sql });
  const logger = createLogger('silent');
  const services = createServices(db, { pubsub: createMemoryPubSub(), urlPolicy: loopbackUrlPolicy(), ...options.services });
  const publicSchema = await buildSchemaOver(services);
  const schema = options.schema === 'subgraph' ? buildCommunitySubgraphSchema(publicSchema, services.nodes) : publicSchema;
  // In process, a subgraph executes without inline traces (no router asks for them here).
  const plugins = orderedPlugins({ router: options.schema === 'subgraph' ? [ApolloServerPluginInlineTraceDisabled()] : [] });
  // GRAPHQL_EXECUTOR=graphql-js|jit runs a suite on either executor (the subgraph is always graphql-js's).
  const executor = options.schema === 'subgraph' ? 'graphql-js' : testExecutor();
  const apollo: ApolloServer<Context> = createApollo({ schema, logger, introspection: true, plugins, executor });
  await apollo.start();
  return {
    db, database, services, sql,
    async execute(query, variables, headers = {}) {
      const contextValue = await createContext({ db, apiKeys: services.apiKeys, logger }, { authorization: headers.authorization });
      if (options.clock) contextValue.now = options.clock();
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      // Through JSON, as a client would see it (scalars such as DateTime serialize at this step).
      return JSON.parse(JSON.stringify(response.body.singleResult)) as GraphResult;
    },
    async close() {
      await apollo.stop();
      services.availability.shutdown();
      await db.destroy();
      await database.drop();
    },
  };
}

/** A result's data, failing the test on any error (the GraphQL answer a test expects to succeed). */
export function dataOf(result: GraphResult): Record<string, any> {
  expect(result.errors).toBeUndefined();
  return result.data!;
}
