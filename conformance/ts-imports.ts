/**
 * Lets plain `node` import a generated SDK's TypeScript: its modules import each other as
 * `./client.js` (what a compiler keeps), and node resolves that to `client.ts` only through this
 * hook. Vitest needs nothing of the kind; the hook is registered once, from conformance/run.ts.
 */
import { registerHooks } from "node:module";

let registered = false;

export function allowTsImports(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        const fromTs = context.parentURL?.endsWith(".ts") === true;
        if (!fromTs || !specifier.startsWith(".") || !specifier.endsWith(".js")) throw error;
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
    },
  });
}
