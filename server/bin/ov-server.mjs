#!/usr/bin/env node
// `npm run server [-- --port N --data DIR]`: the embedded pouchdb-server with the demo community; see server/README.md.
import { runBundled } from './run-bundled.mjs';

await runBundled('ov-server');
