/**
 * Runtime parts that only some APIs need. A generated SDK passes in those its spec uses
 * (`ApiSpec.features`), so that the bundle of an SDK without security schemes, streams, form or
 * multipart bodies, client-credentials flows, server variables or per-operation servers,
 * `dates: "date"`, or validators (generated with `--validate off`), or of one of its operations,
 * leaves them out. Their types, `RuntimeFeatures`, are declared with `ApiSpec` (api-spec.ts).
 */
import type { StreamsFeature, ValidationFeature } from "./api-spec.js";
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

export const streams: StreamsFeature = { open: openStream, readCall: readStreamingCall, isStream: (value) => value instanceof Stream };

export const validation: ValidationFeature = { successBody: validSuccessBody, errorBody: validErrorBody, request: validateRequest };

export { applyAuth, formBody, itemsBody, multipartBody, resolveBaseUrls, reviveDates, tokenSources };
