import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import pidusage from 'pidusage';

/**
 * CPU time (user + system) used so far, in ms, by pid; processes that are gone are left out. A negative key -p holds
 * the CPU time of the children process p has reaped (`readReapedCpu`).
 */
export type CpuReading = Map<number, number>;

/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
let clockTicks: number | undefined;
function ticksPerSecond(): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return clockTicks;
}

/**
 * Reads the CPU time of `pids`. With `named`, only processes of that name count: PostgreSQL reports its backends'
 * pids, which are another process's (or none) here when it runs in a container or on another host. With
 * `reapedBy`, the parent of the first of them (PostgreSQL's postmaster) is read too: the CPU time of the children it
 * has reaped, which holds what short-lived processes (parallel workers) used.
 */
export async function readCpu(
  pids: readonly number[],
  { named, reapedBy = false }: { named?: string; reapedBy?: boolean } = {},
): Promise<CpuReading> {
  const reading: CpuReading = new Map();
  await Promise.all(
    pids.map(async (pid) => {
      if (named && (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim() !== named) return;
      const stat = await pidusage(pid).catch(() => null);
      if (stat) reading.set(pid, stat.ctime);
    }),
  );
  const [first] = reading.keys();
  if (reapedBy && first !== undefined) {
    const parent = await statFields(first).then((fields) => (fields ? Number(fields[1]) : null));
    const reaped = parent ? await statFields(parent) : null;
    // Fields after the name: state, ppid, …; cutime and cstime are the 14th and 15th.
    if (parent && reaped)
      reading.set(-parent, ((Number(reaped[13]) + Number(reaped[14])) * 1000) / ticksPerSecond());
  }
  return reading;
}

/** The fields of /proc/<pid>/stat after the process name (which may hold spaces), from the state on. */
async function statFields(pid: number): Promise<string[] | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null;
}

/**
 * CPU seconds used between two readings: what each process used in between, all of it for one that started in
 * between (a pool may open connections while it is busy). A process that ended in between is not counted, unless
 * its parent's reaped children were read both times: then they hold all it used, of which what it had used at the
 * first reading is taken off. Null when no process was read.
 */
export function cpuSecondsBetween(before: CpuReading, after: CpuReading): number | null {
  if (after.size === 0) return null;
  let ms = 0;
  for (const [pid, now] of after) {
    if (pid >= 0) ms += now - (before.get(pid) ?? 0);
    else if (before.has(pid)) {
      ms += now - before.get(pid)!;
      for (const [ended, then] of before) if (ended >= 0 && !after.has(ended)) ms -= then;
    }
  }
  return ms / 1000;
}

/** Forgets what pidusage keeps between calls. */
export function stopReadingCpu(): void {
  pidusage.clear();
}
