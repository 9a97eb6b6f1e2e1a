import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The peak resident set size of a process so far (VmHWM), in bytes; null once it is gone. */
export async function peakRss(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kilobytes = status?.match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : null;
}

/**
 * The compiled API or worker as a child process, as in production, whose peak RSS is read from /proc while it runs
 * (the kernel's high-water mark, so short peaks between two reads count too). Its output is kept for the message
 * of a failure and otherwise dropped.
 */
export class BenchProcess {
  private output = '';
  private peak = 0;
  private readonly sampler: NodeJS.Timeout;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const append = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.sampler = setInterval(() => void this.sample(), 250);
  }

  /** `BENCH_NODE_FLAGS` (space-separated) go to both processes' Node: CPU profiles, say (README, Benchmarks). */
  static start(name: 'api' | 'worker', env: Record<string, string>): BenchProcess {
    const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(
      process.execPath,
      [...flags, '--enable-source-maps', join(process.cwd(), 'dist', 'apps', name, 'main.js')],
      { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return new BenchProcess(name, child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it wrote, for error messages. */
  get recentOutput(): string {
    return this.output;
  }

  /** Peak RSS in bytes over the process's life so far. */
  async peakRss(): Promise<number> {
    await this.sample();
    return this.peak;
  }

  private async sample(): Promise<void> {
    const rss = await peakRss(this.pid);
    if (rss !== null) this.peak = Math.max(this.peak, rss);
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    clearInterval(this.sampler);
    if (!this.running) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}
