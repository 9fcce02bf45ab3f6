// A namespace import: zod's `z` export is the whole namespace as one object, which a bundler keeps whole.
import * as z from "zod/mini";
import { setDateCodec } from "./date-codec.js";

/**
 * A `format: date-time` value of an SDK generated with `dates: "date"`: RFC 3339 text with an
 * offset on the wire, a `Date` in code. Decoding also accepts a `Date`, so one validator serves
 * responses (text) and the values callers pass in requests (Dates). Every such position of every
 * schema is this very instance: `reviveDates` finds them by identity.
 *
 * Generated validators import it from here rather than from the runtime's index, which loads no
 * zod (see `dateCodec`).
 */
export const isoDateTime = z.codec(z.union([z.iso.datetime({ offset: true }), z.date()]), z.date(), {
  decode: (value) => (value instanceof Date ? value : new Date(value)),
  encode: (date) => date.toISOString(),
});

setDateCodec(isoDateTime);
