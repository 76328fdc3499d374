import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { loaders, resolvers } from './resolvers';
import type { PeerStore } from './rows';
import { sqliteStore } from './peer-sqlite';
import { postgresStore } from './peer-postgres';

export type PeerDatabase = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The reference peer (issue 15): fastify + mercurius with graphql-jit, a hand-written SDL of the
 * bench documents' fields, prepared statements with explicit columns, batched nested lookups. What a
 * top engineer writes for these three documents alone; never shipped, measured beside the server.
 */
export async function startPeer(database: PeerDatabase): Promise<PeerServer> {
  const store: PeerStore = database.kind === 'sqlite' ? sqliteStore(database.file) : postgresStore(database.url);
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'),
    resolvers,
    loaders,
    jit: 1,
    graphiql: false,
    context: () => ({ store, now: new Date().toISOString() }),
  });
  // Apollo Server ends every JSON answer with a newline; the peer does too, so the bytes compare equal.
  app.addHook('onSend', async (_request, _reply, payload) => (typeof payload === 'string' ? `${payload}\n` : payload));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${address}/graphql`,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
