// For profiling the benchmark's API and worker: `BENCH_NODE_FLAGS="--require ./scripts/bench/exit-on-signal.cjs
// --cpu-prof --cpu-prof-dir=/tmp/prof"`. Nest's shutdown hooks end a stopped process by raising the signal again,
// which kills it before Node writes its CPU profile; with this listener the process exits normally instead, once the
// shutdown is done (or after 5 s).
const { setTimeout } = require('node:timers');

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => setTimeout(() => process.exit(0), 5_000).unref());
}
