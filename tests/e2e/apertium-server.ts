/**
 * Starts and stops a real Apertium APy server on loopback for tests.
 *
 * APy 0.11 has no bind-address option (it binds every interface), so we start it through its own
 * Python interpreter with a two-line shim that makes Tornado bind 127.0.0.1 only, then call APy's
 * normal `main()` with the usual arguments: `-p <free port> /usr/share/apertium/modes`.
 *
 * Needs the Debian packages `apertium-apy` and `apertium-eng-spa`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

export interface ApertiumServer {
  endpoint: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn until `/listPairs` answered. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface StartApertiumOptions {
  modesPath?: string;
  /** Give up waiting for `/listPairs` after this long. Default 30 s. */
  startTimeoutMs?: number;
  binary?: string;
}

const INSTALL_HINT =
  'Apertium APy is not installed. Install it with: sudo apt-get install apertium-apy apertium-eng-spa';

function which(cmd: string): string | undefined {
  if (cmd.includes('/')) return existsSync(cmd) ? cmd : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const SHIM = [
  'import sys, tornado.httpserver',
  '_bind = tornado.httpserver.HTTPServer.bind',
  "tornado.httpserver.HTTPServer.bind = lambda self, port, address=None, *a, **k: _bind(self, port, '127.0.0.1', *a, **k)",
  'from apertium_apy.apy import main',
  "sys.argv = ['apertium-apy'] + sys.argv[1:]",
  'main()',
].join('\n');

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

export async function startApertium(opts: StartApertiumOptions = {}): Promise<ApertiumServer> {
  const bin = which(opts.binary ?? 'apertium-apy');
  if (!bin) throw new Error(INSTALL_HINT);
  const modes = opts.modesPath ?? '/usr/share/apertium/modes';
  if (!existsSync(modes)) throw new Error(`No Apertium modes in ${modes}. Install a pair: sudo apt-get install apertium-eng-spa`);
  // The console script's shebang names the Python that has apertium_apy and tornado.
  const shebang = /^#!\s*(\S+)/.exec(readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '')?.[1] ?? 'python3';

  const port = await freePort();
  const started = Date.now();
  // Own process group, so stop() also ends the translation pipelines APy starts (apertium-tagger, …).
  const child = spawn(shebang, ['-c', SHIM, '-p', String(port), modes], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const onParentExit = (): void => killGroup('SIGKILL');
  process.once('exit', onParentExit);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', (e) => reject(new Error(`${INSTALL_HINT} (${e.message})`))));
  spawnError.catch(() => undefined);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onParentExit);
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup('SIGTERM'); // pipelines may outlive a crashed APy
      return;
    }
    killGroup('SIGTERM');
    if (!(await waitForExit(child, 5000))) {
      killGroup('SIGKILL');
      await waitForExit(child, 2000);
    }
  };

  const deadline = started + (opts.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`apertium-apy exited with code ${child.exitCode}: ${stderr.trim().slice(-800)}`);
    }
    try {
      const res = await Promise.race([fetch(`${endpoint}/listPairs`, { signal: AbortSignal.timeout(2000) }), spawnError]);
      if (res.ok) {
        const body = (await res.json()) as { responseData?: unknown[] };
        if (Array.isArray(body.responseData)) {
          return { endpoint, port, pid: child.pid ?? -1, startupMs: Date.now() - started, stop };
        }
      }
    } catch (e) {
      if (e instanceof Error && e.message.startsWith(INSTALL_HINT)) throw e;
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`apertium-apy did not answer /listPairs within ${opts.startTimeoutMs ?? 30_000} ms: ${stderr.trim().slice(-800)}`);
}
