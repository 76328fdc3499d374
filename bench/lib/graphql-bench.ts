import { DocumentNode, execute, ExecutionResult, GraphQLSchema, parse, validate } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { App, startApp } from '../../src/app';
import { Config, loadConfig } from '../../src/config';
import { benchServerEnv } from './bench-env';
import { BENCH_LIMITS } from './bench-limits';
import { ContextDeps, createContext } from '../../src/context';
import { StatementCounter } from '../../src/db/statement-counter';
import { buildSchemaOver } from '../../src/compose-schema';
import { loadTown, TownReport } from '../town/load-town';
import type { TownScale } from '../town/town-scale';
import { BenchDatabase, createBenchDatabase } from './bench-database';
import type { BackendName } from './scenario';

/** How the in-process baselines execute a document: graphql-js's interpreter, or graphql-jit's compiled function. */
export type InProcessEngine = 'graphql-js' | 'jit';

export interface GraphqlResponse {
  data?: Record<string, any> | null;
  errors?: { message: string }[];
}

/**
 * One backend under test: the real server (startApp, as `community-graph serve` runs it) over a
 * generated town, plus the same schema and services for in-process graphql-js execution, and the SQL
 * statement counter both share.
 */
export class GraphqlBench {
  private constructor(
    readonly backend: BackendName,
    readonly app: App,
    readonly schema: GraphQLSchema,
    readonly sql: StatementCounter,
    readonly town: TownReport,
    private readonly database: BenchDatabase,
    /** The server's configuration, for references built from the same settings (apollo-node-http.ts). */
    readonly serverConfig: Config,
  ) {}

  /** How the server under test executes queries (GRAPHQL_EXECUTOR). */
  get serverExecutor(): Config['graphqlExecutor'] {
    return this.serverConfig.graphqlExecutor;
  }

  private readonly extraApps: App[] = [];

  /** Where the town is: the reference peer reads the same database. */
  get databaseConfig(): BenchDatabase['config'] {
    return this.database.config;
  }

  get graphqlUrl(): string {
    return `${this.app.url}/graphql`;
  }

  get deps(): ContextDeps {
    return { db: this.app.db, apiKeys: this.app.services.apiKeys, logger: this.app.logger };
  }

  static async start(backend: BackendName, scale: TownScale): Promise<GraphqlBench> {
    const database = await createBenchDatabase(backend);
    const sql = new StatementCounter();
    let app: App | undefined;
    try {
      // Limits stay on (their cost is part of serving) with budgets no benchmark reaches from one address.
      const config = { ...loadConfig({ ...BENCH_LIMITS, ...benchServerEnv() }), host: '127.0.0.1', port: 0, database: database.config, demo: false, logLevel: 'silent', introspection: false, production: true };
      app = await startApp(config, { dataSource: { logger: sql } });
      const town = await loadTown(app.db, scale);
      return new GraphqlBench(backend, app, await buildSchemaOver(app.services), sql, town, database, config);
    } catch (error) {
      await app?.close();
      await database.drop();
      throw error;
    }
  }

  /**
   * A second server over the same database with the response cache on (production defaults: 10 s TTL,
   * emptied on every data change); closed with the bench. For a cached variant beside the uncached one.
   */
  async startCachedServer(): Promise<string> {
    const config = {
      ...loadConfig({ ...BENCH_LIMITS, RESPONSE_CACHE: 'on' }), host: '127.0.0.1', port: 0, database: this.database.config,
      demo: false, logLevel: 'silent', introspection: false, production: true,
    };
    const app = await startApp(config);
    this.extraApps.push(app);
    return `${app.url}/graphql`;
  }

  /** One request over HTTP, as a client sends it (with `headers`, such as a staff key); throws on any GraphQL error. */
  async post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ body: Buffer; json: GraphqlResponse; statements: number }> {
    const before = this.sql.count;
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const statements = this.sql.count - before;
    const json = JSON.parse(body.toString('utf8')) as GraphqlResponse;
    if (response.status !== 200 || json.errors?.length) {
      throw new Error(`HTTP ${response.status} from ${this.graphqlUrl}: ${body.toString('utf8').slice(0, 500)}`);
    }
    return { body, json, statements };
  }

  /**
   * The in-process baseline: graphql-js `execute` on the same schema, services and database, with a
   * context made exactly as the server makes it, and the result serialized as the server would.
   * Parsing and validation happen once, as the server's document cache does for a repeated query.
   * `engine: 'jit'` runs the same document compiled once by graphql-jit instead of interpreted.
   */
  executor(query: string, engine: InProcessEngine = 'graphql-js'): (variables: Record<string, unknown>) => Promise<string> {
    const document: DocumentNode = parse(query);
    const problems = validate(this.schema, document);
    if (problems.length) throw new Error(`invalid benchmark document: ${problems.map((p) => p.message).join('; ')}`);
    const run = engine === 'jit' ? this.compiled(document) : (variableValues: Record<string, unknown>, contextValue: unknown) =>
      execute({ schema: this.schema, document, variableValues, contextValue });
    return async (variableValues) => {
      const contextValue = await createContext(this.deps);
      const result = await run(variableValues, contextValue);
      if (result.errors?.length) throw new Error(`in-process ${engine} execution failed: ${result.errors[0].message}`);
      return JSON.stringify(result);
    };
  }

  private compiled(document: DocumentNode) {
    const compiled = compileQuery(this.schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit cannot compile the benchmark document: ${compiled.errors?.[0]?.message}`);
    return (variables: Record<string, unknown>, context: unknown): ExecutionResult | Promise<ExecutionResult> => compiled.query(undefined, context, variables);
  }

  async close(): Promise<void> {
    try {
      for (const app of this.extraApps) await app.close();
      await this.app.close();
    } finally {
      await this.database.drop();
    }
  }
}
