// Runs `redocly lint` on the spec with redocly.yaml and fails on any error OR warning.
// redocly lint itself exits 0 when it finds only warnings and has no flag to change that, so this reads its
// JSON report (--format=json) and decides. Usage (from spec/): node lint-redocly.mjs  (npm run lint:redocly)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const spec = 'plivo-numberpool.yaml';
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

const run = spawnSync(
  process.execPath,
  [cli, 'lint', spec, '--config', 'redocly.yaml', '--lint-config', 'error', '--format', 'json', '--max-problems', '1000'],
  {
    cwd: here,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);

if (run.error) {
  console.error(`redocly could not be started: ${run.error.message}`);
  process.exit(2);
}

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  // Not a report: redocly failed before linting (bad config, unreadable spec). Show what it said.
  process.stdout.write(run.stdout);
  console.error(`redocly lint exited ${run.status} without a JSON report.`);
  process.exit(run.status || 2);
}

const problems = report.problems ?? [];
for (const p of problems) {
  const at = p.location?.[0];
  const where = at ? `${at.source?.ref ?? spec}:${at.start?.line ?? '?'}:${at.start?.col ?? '?'}` : spec;
  console.log(`${where}  ${p.severity}  ${p.ruleId}  ${p.message}${at?.pointer ? `  (${at.pointer})` : ''}`);
}

const { errors = 0, warnings = 0, ignored = 0 } = report.totals ?? {};
console.log(`redocly ${report.version ?? ''}: ${spec}: ${errors} error(s), ${warnings} warning(s), ${ignored} ignored.`);

// An ignore file (.redocly.lint-ignore.yaml) would hide problems: ignored ones fail too.
if (errors > 0 || warnings > 0 || ignored > 0 || run.status !== 0) {
  console.error('Redocly lint failed: the spec must have zero errors, zero warnings and nothing ignored.');
  process.exit(1);
}
