import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config';

/** The reference peer's handle (bench/peer/peer-server.ts), typed here so the project compiles without the peer installed. */
export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

const PEER_DIR = path.join(__dirname, '..', 'peer');

/**
 * Starts the reference peer over the bench's database. The peer has its own dependencies (fastify,
 * mercurius), installed apart from the project's by `npm run bench:peer:install`; without them the
 * scenario fails with that command rather than measuring nothing.
 */
export async function startPeer(database: DatabaseConfig): Promise<PeerServer> {
  if (!fs.existsSync(path.join(PEER_DIR, 'node_modules', 'mercurius'))) {
    throw new Error('the reference peer is not installed (bench/peer/node_modules): run `npm run bench:peer:install` first');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const peer = require(path.join(PEER_DIR, 'peer-server')) as { startPeer(db: unknown): Promise<PeerServer> };
  return peer.startPeer(database.kind === 'sqlite' ? { kind: 'sqlite', file: database.file } : { kind: 'postgres', url: database.url });
}
