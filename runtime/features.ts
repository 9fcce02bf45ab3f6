/**
 * Runtime parts that only some APIs need. A generated SDK passes in those its spec uses
 * (`ApiSpec.features`), so that the bundle of an SDK without security schemes, streams, form or
 * multipart bodies, client-credentials flows or `dates: "date"` (or of one of its operations)
 * leaves them out.
 */
import { applyAuth } from "./auth/apply-auth.js";
import { ClientCredentialsSource } from "./auth/client-credentials.js";
import { formBody } from "./request/form-body.js";
import { itemsBody } from "./request/items-body.js";
import { multipartBody } from "./request/multipart-body.js";
import { reviveDates } from "./response/revive-dates.js";
import { openStream } from "./streaming/open-stream.js";
import { Stream } from "./streaming/stream.js";

/** Each is named as the runtime exports it, which is how the generated `api` literal passes it. */
export interface RuntimeFeatures {
  /** Security schemes: sends the credentials a requirement asks for. */
  readonly applyAuth?: typeof applyAuth;
  /** Streamed responses (SSE, JSON lines): opens them, and tells a `Stream` result apart. */
  readonly streams?: StreamsFeature;
  readonly formBody?: typeof formBody;
  /** Streamed request bodies (JSON lines, JSON text sequences). */
  readonly itemsBody?: typeof itemsBody;
  readonly multipartBody?: typeof multipartBody;
  /** OAuth 2 client-credentials flows: fetches and caches their tokens. */
  readonly ClientCredentialsSource?: typeof ClientCredentialsSource;
  /** `dates: "date"`: decodes the date-times of bodies returned unvalidated. */
  readonly reviveDates?: typeof reviveDates;
}

export interface StreamsFeature {
  readonly open: typeof openStream;
  readonly isStream: (value: unknown) => boolean;
}

export const streams: StreamsFeature = { open: openStream, isStream: (value) => value instanceof Stream };

export { applyAuth, ClientCredentialsSource, formBody, itemsBody, multipartBody, reviveDates };
