import { spawn, spawnSync } from 'node:child_process';
import { cpuSecondsBetween, readCpu, stopReadingCpu, type CpuReading } from './cpu-time.js';

const reading = (entries: Array<[number, number]>): CpuReading => new Map(entries);

describe('cpuSecondsBetween', () => {
  it('counts what each process used in between, all of a new one, nothing of one that ended', () => {
    const before = reading([
      [10, 1_000],
      [11, 5_000],
    ]);
    const after = reading([
      [10, 1_500],
      [12, 700],
    ]);
    expect(cpuSecondsBetween(before, after)).toBeCloseTo(1.2);
  });

  it("counts the parent's reaped children, less what an ended process had used before", () => {
    // Process 11 ended after using 300 ms more; a parallel worker (never seen) used 900 ms. The parent's reaped
    // children grew by both and by all that 11 had used before (5,000 ms).
    const before = reading([
      [-1, 20_000],
      [10, 1_000],
      [11, 5_000],
    ]);
    const after = reading([
      [-1, 20_000 + 5_300 + 900],
      [10, 1_500],
    ]);
    expect(cpuSecondsBetween(before, after)).toBeCloseTo(0.5 + 0.3 + 0.9);
  });

  it('leaves the reaped children out when they were not read the first time', () => {
    expect(
      cpuSecondsBetween(
        reading([[10, 1_000]]),
        reading([
          [-1, 99_000],
          [10, 1_200],
        ]),
      ),
    ).toBeCloseTo(0.2);
  });

  it('is null when nothing was read', () => {
    expect(cpuSecondsBetween(reading([[10, 1_000]]), reading([]))).toBeNull();
  });
});

describe('readCpu', () => {
  afterAll(() => stopReadingCpu());

  it("reads the children a process's parent reaped: here this process, after a busy child ended", async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      const before = await readCpu([sleeper.pid!], { reapedBy: true });
      expect(before.has(-process.pid)).toBe(true);
      // Busy until it has used 0.3 s of CPU (not of the clock: the machine may be busy too).
      spawnSync(process.execPath, ['-e', 'while (process.cpuUsage().user < 300_000);']);
      const after = await readCpu([sleeper.pid!], { reapedBy: true });
      // The busy child's CPU (at least 0.3 s, at clock-tick resolution), not the sleeper's.
      expect(cpuSecondsBetween(before, after)).toBeGreaterThanOrEqual(0.29);
    } finally {
      sleeper.kill();
    }
  });

  it('skips processes of another name', async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      expect((await readCpu([sleeper.pid!], { named: 'postgres', reapedBy: true })).size).toBe(0);
      expect([...(await readCpu([sleeper.pid!], { named: 'sleep' })).keys()]).toEqual([sleeper.pid]);
    } finally {
      sleeper.kill();
    }
  });
});
