import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/**
 * A TypeScript worker process of the bench, started and ready: it runs `file` under tsx and resolves
 * once the worker's first message (its "ready", returned as `ready`) arrives, or fails naming `name`
 * after 20 s or if it exits first. cwd is the project root, where `--import tsx` resolves, wherever the
 * bench was started.
 */
export async function forkWorker<Ready = unknown>(file: string, name: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(file, [], { cwd: path.resolve(__dirname, '../..'), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 20 s`)), 20_000);
    child.once('message', (message) => { clearTimeout(timer); resolve(message as Ready); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited on start (code ${code})`)); });
  });
  return { child, ready };
}

/** Ends a worker started by forkWorker: its IPC channel closes (it exits by itself), SIGKILL after 5 s. */
export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
