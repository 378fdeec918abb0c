#!/usr/bin/env node
// The `ov-admin` command (package.json "bin", `npm run admin -- <command>`); see server/README.md.
import { runBundled } from './run-bundled.mjs';

await runBundled('ov-admin');
