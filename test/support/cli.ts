import { ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.join(__dirname, '../../bin/community-graph.js');

/**
 * The suite runs the command on the TypeScript in front of it (through tsx), not on a dist/ that may
 * predate it; test/e2e/compiled-start.test.ts runs the compiled build itself.
 */
export const FROM_SOURCE = { COMMUNITY_GRAPH_FROM_SOURCE: '1' };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `community-graph <args>` as a user would, in a child process. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...FROM_SOURCE, LOG_LEVEL: 'warn', ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Starts `community-graph serve` and resolves with the URL it prints once ready. */
export function startServe(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...FROM_SOURCE, LOG_LEVEL: 'warn', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // 'close', not 'exit': it comes after the child's stdout and stderr are fully read, so a test that
  // inspects the last log lines sees all of them.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${output}`));
    });
  });
}

/**
 * A `… list` table read the way `awk` or a person reads it: each row cut at the columns where the
 * header's words start. Fails the test if a row does not line up (a cell not starting exactly under its
 * header), so the returned cells are the table's, not a guess.
 */
export function readTable(stdout: string): { header: string[]; rows: string[][] } {
  expect(stdout.endsWith('\n')).toBe(true);
  const [headerLine, ...lines] = stdout.slice(0, -1).split('\n');
  // A column starts at a word after two or more spaces ("LAST ERROR" is one header).
  const starts = [0, ...[...headerLine.matchAll(/ {2,}(?=\S)/g)].map((m) => m.index! + m[0].length)];
  const cut = (line: string) => starts.map((start, i) => line.slice(start, starts[i + 1]).trimEnd());
  for (const line of lines) {
    for (const start of starts.slice(1)) expect({ line, start, lined: line[start - 1] === ' ' && line[start] !== ' ' }).toEqual({ line, start, lined: true });
    expect(line).toBe(line.trimEnd());
  }
  return { header: cut(headerLine), rows: lines.map(cut) };
}
