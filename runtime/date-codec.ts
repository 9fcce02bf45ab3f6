import type { core } from "zod";

let codec: core.$ZodType | undefined;

/**
 * `isoDateTime` once dates.ts has made it; `undefined` before. The runtime finds date-times by
 * this schema's identity without importing dates.ts, which would load zod into SDKs whose calls
 * never validate; and until dates.ts is loaded, no schema can hold it.
 */
export function dateCodec(): core.$ZodType | undefined {
  return codec;
}

/** Called by dates.ts, once. */
export function setDateCodec(schema: core.$ZodType): void {
  codec = schema;
}
