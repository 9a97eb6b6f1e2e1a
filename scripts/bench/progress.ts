import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  advance(by?: number): void;
  set(value: number): void;
  stop(): void;
}

/** A progress bar on a terminal; elsewhere (CI, a log file) one line when the phase begins. */
export function progress(label: string, total: number, unit: string): Progress {
  if (!process.stdout.isTTY) {
    process.stdout.write(`  ${label}: ${total} ${unit}…\n`);
    return { advance: () => undefined, set: () => undefined, stop: () => undefined };
  }
  const bar = new SingleBar(
    {
      format: `  ${label.padEnd(34)} {bar} {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  let value = 0;
  return {
    advance: (by = 1) => bar.update((value += by)),
    set: (to) => bar.update((value = to)),
    stop: () => bar.stop(),
  };
}
