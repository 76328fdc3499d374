import net from 'node:net';
import { StartupError } from './startup-error';

/**
 * Fails with one line when PORT is taken. Checked before the HTTP and WebSocket servers exist: once
 * graphql-ws is attached, a listen error is also reported by it, with a stack, as an internal error.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`PORT=${port} is already in use on ${host} (another community-graph?); stop it, or set PORT to a free port (0 picks one).`));
      else if (error.code === 'EACCES') reject(new StartupError(`PORT=${port} needs privileges on ${host}; set PORT to 1024 or above.`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new StartupError(`HOST=${host} is not an address of this machine; set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`));
      else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
