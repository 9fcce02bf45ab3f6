/**
 * Runtime parts that only some APIs need. A generated SDK passes in those its spec uses
 * (`ApiSpec.features`), so that the bundle of an SDK without security schemes, streams, form or
 * multipart bodies, client-credentials flows, server variables or per-operation servers,
 * `dates: "date"`, or validators (generated with `--validate off`), or of one of its operations,
 * leaves them out.
 */
import { applyAuth } from "./auth/apply-auth.js";
import { tokenSources } from "./auth/token-sources.js";
import { formBody } from "./request/form-body.js";
import { itemsBody } from "./request/items-body.js";
import { multipartBody } from "./request/multipart-body.js";
import { validateRequest } from "./request/validate-request.js";
import { reviveDates } from "./response/revive-dates.js";
import { validErrorBody, validSuccessBody } from "./response/validate-body.js";
import { resolveBaseUrls } from "./servers.js";
import { openStream } from "./streaming/open-stream.js";
import { readStreamingCall } from "./streaming/stream-call.js";
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
  readonly tokenSources?: typeof tokenSources;
  /** `dates: "date"`: decodes the date-times of bodies returned unvalidated. */
  readonly reviveDates?: typeof reviveDates;
  /**
   * Checks responses and (with `validateRequests`) arguments against the SDK's validators. An SDK
   * generated with `--validate off` has none, and its clients refuse to validate.
   */
  readonly validation?: ValidationFeature;
  /**
   * Server variables, operations' own servers, relative server URLs: without them, each call goes
   * to `baseUrl` or the chosen environment's URL as the spec wrote it (see base-url.ts).
   */
  readonly resolveBaseUrls?: typeof resolveBaseUrls;
}

export interface ValidationFeature {
  readonly successBody: typeof validSuccessBody;
  readonly errorBody: typeof validErrorBody;
  readonly request: typeof validateRequest;
}

export interface StreamsFeature {
  readonly open: typeof openStream;
  /** The end of a call whose response may be a stream. */
  readonly readCall: typeof readStreamingCall;
  readonly isStream: (value: unknown) => boolean;
}

export const streams: StreamsFeature = { open: openStream, readCall: readStreamingCall, isStream: (value) => value instanceof Stream };

export const validation: ValidationFeature = { successBody: validSuccessBody, errorBody: validErrorBody, request: validateRequest };

export { applyAuth, formBody, itemsBody, multipartBody, resolveBaseUrls, reviveDates, tokenSources };
