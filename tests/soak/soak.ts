// `npm run soak -- --schedules N --seed S`: the fault soak (tests/soak/runner.ts) from the command line. Prints a
// line per schedule and a summary; exits with 1 when an invariant broke (the seed and schedule say how to replay it).
//
// Run by Node directly (type stripping, with tests/helpers/node-hooks.ts), like the benchmarks.
import '../helpers/node-hooks.ts';
import { parseArgs } from 'node:util';

const { runSoak } = await import('./runner.ts');
const { summaryLines } = await import('./summary.ts');

const { values } = parseArgs({
  options: {
    schedules: { type: 'string', default: '50' },
    seed: { type: 'string' },
    'heal-timeout': { type: 'string', default: '90' },
    verbose: { type: 'boolean', default: false },
  },
});
const schedules = Number(values.schedules);
const seed = values.seed === undefined ? Math.floor(Math.random() * 1e9) : Number(values.seed);
if (!Number.isInteger(schedules) || schedules < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run soak -- --schedules N --seed S [--heal-timeout SECONDS] [--verbose]');
  process.exit(2);
}
const started = Date.now();
const stamp = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const summary = await runSoak({
  schedules,
  seed,
  healTimeoutMs: Number(values['heal-timeout']) * 1000,
  verbose: values.verbose,
  log: stamp,
});
for (const line of summaryLines(summary)) console.log(line);
process.exit(summary.violations.length > 0 || summary.schedulesRun < schedules ? 1 : 0);
