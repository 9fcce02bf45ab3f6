import { brand, SdkError } from "./sdk-error.js";

export interface AuthenticationErrorInit {
  /** The security scheme's name in the spec. */
  readonly scheme: string;
  /** The token endpoint. */
  readonly url: string;
  /** What went wrong, e.g. `failed with 401 Unauthorized (invalid_client)`. */
  readonly reason: string;
  /** The token endpoint's status, when it answered. */
  readonly status?: number;
  readonly cause?: unknown;
}

/**
 * Credentials could not be turned into a token: the OAuth 2 token endpoint refused the client
 * credentials, answered without an `access_token`, or could not be reached.
 */
export class AuthenticationError extends SdkError {
  static {
    brand(this, "AuthenticationError");
  }

  override readonly name = "AuthenticationError";
  readonly scheme: string;
  readonly url: string;
  readonly status: number | undefined;

  constructor(init: AuthenticationErrorInit) {
    super(`OAuth 2 token request for "${init.scheme}" to POST ${init.url} ${init.reason}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.scheme = init.scheme;
    this.url = init.url;
    this.status = init.status;
  }
}
