import type { HttpMethod, OperationSpec } from "../operation.js";
import type { RuntimeFeatures } from "../api-spec.js";
import type { Args } from "./args.js";
import { encodeBody } from "./body.js";
import type { EncodedBody } from "./encoded-body.js";
import { cookieFragments, headerParams } from "./header-params.js";
import { expandPath } from "./path.js";
import { queryFragments } from "./query.js";
import { refusedRequest } from "./refused.js";
import { joinUrl } from "./url.js";

/**
 * Everything the call's arguments say about the request. Credentials are added per attempt
 * group (they may change on an OAuth 2 refresh), so they are not part of this.
 */
export interface PreparedRequest {
  readonly method: HttpMethod;
  /** Base URL and expanded path, without the query. */
  readonly url: string;
  /** Encoded `name=value` fragments. */
  readonly query: readonly string[];
  readonly headers: readonly (readonly [string, string])[];
  /** Encoded `name=value` fragments of the `Cookie` header. */
  readonly cookies: readonly string[];
  readonly body: EncodedBody | undefined;
}

export function prepareRequest(operation: OperationSpec, args: Args, baseUrl: string, features: RuntimeFeatures): PreparedRequest {
  try {
    return {
      method: operation.method,
      url: joinUrl(baseUrl, expandPath(operation, args)),
      query: queryFragments(operation, args, features),
      headers: headerParams(operation, args),
      cookies: cookieFragments(operation, args),
      body: operation.body ? encodeBody(operation.body, args["body"], features) : undefined,
    };
  } catch (error) {
    throw refusedRequest(operation, error);
  }
}
