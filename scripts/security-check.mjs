// Runs @doyensec/electronegativity on electron/ (TypeScript sources) and fails on any finding of LOW severity or
// above that is not disabled inline with a reviewed `eng-disable` comment. Offline: the check that downloads
// Electron's release list is skipped and the Electron version is read from node_modules.
// The CSP is graded separately with electronegativity's own evaluator: its static check reads only string
// literals written inside an onHeadersReceived callback, while ours is one constant used in two places.
//
// Why a wrapper and not the CLI: (1) the CLI exits 0 whatever it finds; (2) electronegativity parses TypeScript
// with @typescript-eslint/typescript-estree 4, which npm hoists to the root where `typescript` is our TS 7 (no JS
// API), so its `require('typescript')` is redirected to the TypeScript 4.2 that electronegativity ships nested.

import Module, { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = join(root, process.argv[2] ?? 'electron');
const started = performance.now();

const engPackage = createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json');
const engRequire = createRequire(engPackage);
const legacyTypescript = engRequire.resolve('typescript');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveTypescriptForEslint(request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && (from.includes(`${sep}@typescript-eslint${sep}`) || from.includes(`${sep}tsutils${sep}`))) {
    return legacyTypescript;
  }
  return originalResolve.call(this, request, parent, ...rest);
};

// electronegativity fetches translations (and release lists) with `got`; stub it so the scan never touches the
// network and does not wait for timeouts on an offline machine. Its bundled English messages are used.
const gotPath = engRequire.resolve('got');
const offlineGot = new Module(gotPath);
offlineGot.exports = () => Promise.reject(new Error('offline: electronegativity network access disabled'));
offlineGot.loaded = true;
Module._cache[gotPath] = offlineGot;

const engDist = join(dirname(engPackage), 'dist');
const run = engRequire(join(engDist, 'runner.js'));
const { severity } = engRequire(join(engDist, 'finder', 'attributes.js'));
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;

const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: false,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

// Grade the real policy the way CSPGlobalCheck would. HIGH/MEDIUM fail; "maybe" findings fail unless reviewed here.
const REVIEWED_CSP_MAYBE = {
  // app://open-village serves only our own Vite bundle: no JSONP endpoints, no Angular, no user uploads.
  'script-src': "'self' can be problematic",
};
const cspFile = join(root, 'electron', 'main', 'content-security-policy.ts');
const { CONTENT_SECURITY_POLICY } = await import(pathToFileURL(cspFile).href);
const cspEvaluator = engRequire('@doyensec/csp-evaluator');
const { HIGH, MEDIUM, HIGH_MAYBE, MEDIUM_MAYBE } = cspEvaluator.severities;
const cspFindings = new cspEvaluator.CspEvaluator(
  new cspEvaluator.CspParser(CONTENT_SECURITY_POLICY).csp,
  cspEvaluator.Version.CSP3,
)
  .evaluate()
  .filter((f) => [HIGH, MEDIUM, HIGH_MAYBE, MEDIUM_MAYBE].includes(f.severity))
  .filter(
    (f) => !([HIGH_MAYBE, MEDIUM_MAYBE].includes(f.severity) && f.description.includes(REVIEWED_CSP_MAYBE[f.directive] ?? '\0')),
  );

const failing = result.issues.filter((i) => i.severity.value >= severity.LOW.value);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const issue of result.issues) {
  const where = `${relative(root, issue.file)}:${issue.location.line}:${issue.location.column}`;
  console.log(
    `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${where}\n    ${issue.description}`,
  );
}
for (const f of cspFindings) console.log(`CSP           ${f.directive}: ${f.description}`);
const errors = result.errors ?? [];
for (const error of errors) console.error(`electronegativity could not scan ${error.file ?? ''}: ${error.message ?? error}`);
console.log(
  `electronegativity ${relative(root, input) || '.'} (Electron ${electronVersion}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks): ` +
    `${result.issues.length} finding(s), ${failing.length} at LOW or above; CSP: ${cspFindings.length} weakness(es); ${seconds} s`,
);
if (failing.length > 0 || cspFindings.length > 0 || errors.length > 0) process.exit(1);
