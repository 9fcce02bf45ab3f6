import * as kyExports from "ky";
import { SdkError } from "../errors/sdk-error.js";

/**
 * Throws when the installed ky is older than 2. On Node.js 20, `npm install ky zod` quietly installs
 * ky 1 (ky 2 declares Node.js 22), the runtime copy is `@ts-nocheck`, so nothing else says so.
 *
 * The runtime reads ky's functions from its module namespace, never as named imports: a named
 * import that ky 1 lacks would fail when the module links, before this could explain anything.
 * `isNetworkError` is the first of ky 2's exports that the runtime needs.
 */
export function assertKy2(): void {
  if (typeof (kyExports as Record<string, unknown>).isNetworkError === "function") return;
  throw new SdkError(
    "This SDK needs ky 2 (2.1 or later) and zod 4, but the installed ky is older (ky 1 has no isNetworkError). " +
      "Install the supported versions: npm install ky@^2 zod@^4. ky 2 needs Node.js 22 or later: on an older Node.js, npm installs ky 1 without a word.",
  );
}
