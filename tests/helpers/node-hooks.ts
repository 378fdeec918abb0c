/**
 * Lets Node run the app's TypeScript sources directly (type stripping), for the benchmarks and the soak: the sources
 * import without extensions (written for Vite and vitest), so the resolve hook adds `.ts` / `/index.ts`, and the
 * load hook serves the app's own JSON files as modules. Import this module first, then the app's modules dynamically
 * (`await import(…)`), so that the hooks are in place before they resolve.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!/^\.{1,2}\//.test(specifier)) throw error;
      try {
        return next(`${specifier}.ts`, context);
      } catch {
        return next(`${specifier}/index.ts`, context);
      }
    }
  },
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('.json') && !url.includes('/node_modules/')) {
      return { format: 'module', source: `export default ${readFileSync(new URL(url), 'utf8')};`, shortCircuit: true };
    }
    return next(url, context);
  },
});
