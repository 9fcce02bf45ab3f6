import { ApiError } from "./errors/api-error.js";
import type { LazyOperationSpec, OperationSpec } from "./operation.js";
import { builtOnce } from "./built-once.js";
import type { CallOptions } from "./options.js";
import type { ApiResponse } from "./response/api-response.js";
import { selectResponseSpec } from "./response/select-spec.js";

/**
 * One operation of a generated client: call it with the operation's arguments to get the
 * response body (validated JSON, a string for text, the unread `Response` for binary content,
 * `undefined` when there is none); it rejects with `E` for the API's declared errors, and with
 * `TimeoutError`, `ConnectionError`, `ResponseValidationError`, … otherwise.
 *
 * @example
 * ```
 * const pet = await api.getPetById({ petId: 42 });
 * const { data, status, headers } = await api.getPetById.withResponse({ petId: 42 });
 * ```
 */
export interface Endpoint<A, R, E extends ApiError = ApiError> {
  (args: A, options?: CallOptions): Promise<R>;
  /** The result together with the status, headers and `Response` it came from. */
  withResponse(args: A, options?: CallOptions): Promise<ApiResponse<R>>;
  /**
   * Whether `error` is one of this operation's declared error responses, with a body that matched
   * its schema (or was not checked): narrows it to `E`, whose `status` then narrows `body`.
   */
  isError(error: unknown): error is E;
  /**
   * What the runtime knows about the operation (built on first use when the SDK defers it). Its
   * validators refer to the SDK's schemas.ts, which its first validating call loads.
   */
  readonly operation: OperationSpec;
}

/** An `Endpoint` whose arguments are all optional, so `args` may be left out. */
export interface OptionalArgsEndpoint<A, R, E extends ApiError = ApiError> extends Endpoint<A, R, E> {
  (args?: A, options?: CallOptions): Promise<R>;
  withResponse(args?: A, options?: CallOptions): Promise<ApiResponse<R>>;
}

/** Runs one call of an operation. */
export type CallFunction = (operation: OperationSpec, args: unknown, options: CallOptions | undefined) => Promise<ApiResponse<unknown>>;

/**
 * Builds the endpoint object. Its result type `R` is the generator's promise about the operation:
 * the runtime produces what the operation's spec describes and cannot check `R` itself. A spec
 * function is called on the endpoint's first use, not here: creating a client builds no spec.
 */
export function createEndpoint<A, R, E extends ApiError>(call: CallFunction, lazy: LazyOperationSpec): OptionalArgsEndpoint<A, R, E> {
  const withResponse = (args?: A, options?: CallOptions): Promise<ApiResponse<R>> => call(builtOnce(lazy), args, options) as Promise<ApiResponse<R>>;
  const endpoint = async (args?: A, options?: CallOptions): Promise<R> => (await withResponse(args, options)).data;
  const isError = (error: unknown): error is E => isDeclaredError(lazy, error);
  // A getter: reading `operation` builds the spec. `defineProperty` leaves it out of the type, hence the cast.
  const operation: PropertyDescriptor = { get: () => builtOnce(lazy), enumerable: true };
  return Object.defineProperty(Object.assign(endpoint, { withResponse, isError }), "operation", operation) as OptionalArgsEndpoint<A, R, E>;
}

/** Whether `error` is one of the operation's declared error responses, with a body that matched its schema (or was not checked). */
export function isDeclaredError(lazy: LazyOperationSpec, error: unknown): error is ApiError {
  if (!(error instanceof ApiError) || error.bodyIssues !== undefined) return false;
  const operation = builtOnce(lazy);
  return error.operation === operation.id && selectResponseSpec(operation.responses, error.status) !== undefined;
}
