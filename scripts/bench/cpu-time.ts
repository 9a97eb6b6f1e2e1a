import { readFile } from 'node:fs/promises';
import pidusage from 'pidusage';

/** CPU time (user + system) each process has used so far, in ms, by pid; processes that are gone are left out. */
export type CpuReading = Map<number, number>;

/**
 * Reads the CPU time of `pids`. With `named`, only processes of that name count: PostgreSQL reports its backends'
 * pids, which are another process's (or none) here when it runs in a container or on another host.
 */
export async function readCpu(pids: readonly number[], named?: string): Promise<CpuReading> {
  const reading: CpuReading = new Map();
  await Promise.all(
    pids.map(async (pid) => {
      if (named && (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim() !== named) return;
      const stat = await pidusage(pid).catch(() => null);
      if (stat) reading.set(pid, stat.ctime);
    }),
  );
  return reading;
}

/**
 * CPU seconds used between two readings: what each process used in between, all of it for one that started in
 * between (a pool may open connections while it is busy); a process that ended in between is not counted. Null when
 * no process was read.
 */
export function cpuSecondsBetween(before: CpuReading, after: CpuReading): number | null {
  if (after.size === 0) return null;
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms / 1000;
}

/** Forgets what pidusage keeps between calls. */
export function stopReadingCpu(): void {
  pidusage.clear();
}
