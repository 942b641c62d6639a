// Proves that each of our own lint rules can fail: writes copies of the spec, each broken in one way, to a temporary
// folder, lints them all with Spectral and Redocly (one run each) and checks that every copy draws the rule it was
// broken for, from both linters. The spec itself is never touched. Usage (from spec/): node test-rules.mjs
// (npm run test:rules). Exits 1 when a rule did not fire.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const bin = (pkg, path) => join(dirname(require.resolve(`${pkg}/package.json`)), path);
const spec = readFileSync(join(here, 'plivo-numberpool.yaml'), 'utf8');

// Replaces `find` (which must occur) inside the block of one operation, from its operationId to the next operation.
function inOperation(text, operationId, find, replacement) {
  const start = text.indexOf(`operationId: ${operationId}\n`);
  if (start < 0) throw new Error(`no operation ${operationId}`);
  const rest = text.slice(start + 1);
  const next = rest.search(/\n    (get|put|post|delete|patch|head|options|trace):\n|\n  \/|\ncomponents:/);
  const end = next < 0 ? text.length : start + 1 + next;
  const block = text.slice(start, end);
  if (!block.includes(find)) throw new Error(`"${find.trim()}" not found in ${operationId}`);
  return text.slice(0, start) + block.replace(find, replacement) + text.slice(end);
}

function replaceOnce(text, find, replacement) {
  if (!text.includes(find)) throw new Error(`"${find.trim()}" not found`);
  return text.replace(find, replacement);
}

const removeExample = '              example:\n                api_id: 615c4fc2-7a36-11e8-aea7-0242ac110002\n                response: success\n';
const removeContent = '          content:\n            application/json:\n              schema:\n                $ref: "#/components/schemas/RemoveResult"\n' + removeExample;

// name: [break the spec, the Spectral rule that must fire, the Redocly rule that must fire]
const cases = {
  'camelCase property in a component schema': [
    (s) => replaceOnce(s, '        added_on:\n          type: string\n          format: date\n', '        addedOn:\n          type: string\n          format: date\n'),
    'plivo-property-names-snake-case', 'rule/plivo-property-names-snake-case'],
  'PascalCase property in an inline schema': [
    (s) => inOperation(s, 'Tollfree_Remove', '                $ref: "#/components/schemas/RemoveResult"\n',
      '                type: object\n                additionalProperties: true\n                properties:\n                  ApiId: { type: string, description: x }\n'),
    'plivo-property-names-snake-case', 'rule/plivo-property-names-snake-case'],
  'operation without operationId': [
    (s) => replaceOnce(s, '      operationId: Tollfree_Remove\n', ''),
    'plivo-operation-id', 'rule/plivo-operation-id'],
  'operationId not Tag_Verb in PascalCase': [
    (s) => replaceOnce(s, '      operationId: Tollfree_Find\n', '      operationId: find_number\n'),
    'plivo-operation-id', 'rule/plivo-operation-id'],
  'operation without description': [
    (s) => replaceOnce(s, '      description: Returns the toll-free number if it is in the pool, else 404.\n', ''),
    'plivo-operation-description', 'rule/plivo-operation-description'],
  'operation without a 4xx response': [
    (s) => ['400', '401', '404', '405', '429'].reduce((t, code) => inOperation(t, 'Tollfree_Remove', `        "${code}": {`, `        # "${code}": {`), s),
    'plivo-operation-4xx-response', 'rule/plivo-operation-4xx-response'],
  'operation without a 5xx response': [
    (s) => inOperation(s, 'Powerpack_Get', '        "500": { $ref: "#/components/responses/ServerError" }\n', ''),
    'plivo-operation-5xx-response', 'rule/plivo-operation-5xx-response'],
  '200 response without content': [
    (s) => inOperation(s, 'Tollfree_Remove', removeContent, ''),
    'plivo-200-response-content', 'rule/plivo-200-response-content'],
  '200 response with empty content': [
    (s) => inOperation(s, 'Tollfree_Remove', removeContent, '          content: {}\n'),
    'plivo-200-response-content', 'rule/plivo-200-response-content'],
  '200 response without example': [
    (s) => inOperation(s, 'Tollfree_Remove', removeExample, ''),
    'plivo-200-response-example', 'rule/plivo-200-response-example'],
  '200 response with both example and examples': [
    (s) => inOperation(s, 'Tollfree_Remove', removeExample, removeExample + '              examples:\n                ok: { value: { response: success } }\n'),
    'plivo-200-response-example', 'rule/plivo-200-response-example'],
  '200 response with an empty examples map': [
    (s) => inOperation(s, 'Tollfree_Remove', removeExample, '              examples: {}\n'),
    'plivo-200-response-example', 'rule/plivo-200-response-examples-non-empty'],
};

// Splits concatenated JSON documents ("{...}{...}") at top level, minding strings.
function splitJson(text) {
  const docs = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) docs.push(JSON.parse(text.slice(start, i + 1)));
  }
  return docs;
}

const dir = mkdtempSync(join(tmpdir(), 'spec-rules-'));
try {
  const files = Object.entries(cases).map(([name, [mutate]], i) => {
    const file = join(dir, `case-${String(i).padStart(2, '0')}.yaml`);
    writeFileSync(file, mutate(spec));
    return { name, file };
  });
  const control = join(dir, 'control.yaml');
  writeFileSync(control, spec);
  const paths = [...files.map((f) => f.file), control];

  const spectral = spawnSync(process.execPath,
    [bin('@stoplight/spectral-cli', 'dist/index.js'), 'lint', ...paths, '--ruleset', join(here, '.spectral.yaml'), '--format', 'json', '--quiet'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const redocly = spawnSync(process.execPath,
    [bin('@redocly/cli', 'bin/cli.js'), 'lint', ...paths, '--config', join(here, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });

  const spectralResults = JSON.parse(spectral.stdout || '[]');
  // With several files, redocly prints one JSON report per file, back to back.
  const redoclyResults = splitJson(redocly.stdout).flatMap((report) => report.problems ?? []);
  const fired = (results, file, pick) => new Set(results.filter((r) => basename(pick(r)) === basename(file)).map((r) => r.code ?? r.ruleId));

  let failures = 0;
  // Control: the spec as it is draws none of our rules (else "fired" below would prove nothing).
  const ours = (rule) => rule.startsWith('plivo-') || rule.startsWith('rule/plivo-');
  const onControl = [...fired(spectralResults, control, (r) => r.source), ...fired(redoclyResults, control, (r) => r.location?.[0]?.source?.ref ?? '')].filter(ours);
  if (onControl.length > 0) failures++;
  console.log(`${onControl.length === 0 ? 'ok  ' : 'FAIL'}  control (the spec unchanged): ${onControl.length === 0 ? 'none of our rules fired' : `fired ${onControl.join(', ')}`}`);
  Object.values(cases).forEach(([, spectralRule, redoclyRule], i) => {
    const { name, file } = files[i];
    const bySpectral = fired(spectralResults, file, (r) => r.source);
    const byRedocly = fired(redoclyResults, file, (r) => r.location?.[0]?.source?.ref ?? '');
    const ok = bySpectral.has(spectralRule) && byRedocly.has(redoclyRule);
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}: spectral ${bySpectral.has(spectralRule) ? 'fired' : 'MISSED'} ${spectralRule}, `
      + `redocly ${byRedocly.has(redoclyRule) ? 'fired' : 'MISSED'} ${redoclyRule}`);
  });
  const total = Object.keys(cases).length + 1;
  console.log(failures === 0 ? `rule checks: all ${total} ok` : `rule checks: ${failures} of ${total} FAILED`);
  process.exit(failures > 0 ? 1 : 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
