/**
 * The typed surface of a mock: what `createMockApi()` in a generated `testing.ts` returns. Every
 * operation's mock is typed from its client method: its `Args`, its result, its declared errors.
 */
import type { Endpoint } from "../endpoint.js";
import type { ApiError } from "../errors/api-error.js";
import type { OperationSpec } from "../operation.js";
import type { Stream } from "../streaming/stream.js";
import type { StreamScript } from "./stream-reply.js";

/** Response headers of a mocked reply. */
export type ReplyHeaders = Readonly<Record<string, string>>;

/**
 * A result type as a mock gives it: binary content (an unread `Response` to callers) as any fetch
 * body; a stream as its items, or a script of them (see `StreamScript`).
 */
export type MockBody<R> = [R] extends [Response] ? BodyInit : [R] extends [Stream<infer I>] ? readonly I[] | StreamScript<I> : R;

export interface ReplyInit {
  readonly headers?: ReplyHeaders;
  /**
   * Milliseconds to wait before answering. The wait ends early when the request is aborted, as
   * on the client's timeout, so a delay beyond `timeout` makes the call fail with `TimeoutError`.
   */
  readonly delay?: number;
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * 200 to 299, as literals: a reply whose `status` is one of an error's is then told apart from a
 * success by its type, so TypeScript reports a wrong body against the reply the test meant.
 */
export type SuccessStatus = `2${Digit}${Digit}` extends infer S ? (S extends `${infer N extends number}` ? N : never) : never;

export interface SuccessInit extends ReplyInit {
  /** A declared 2xx status. @default the operation's first declared 2xx status, else 200 */
  readonly status?: SuccessStatus;
}

export interface ErrorInit<S extends number> extends ReplyInit {
  /** A declared error status: the body is then that response's type. */
  readonly status: S;
}

/** The statuses of an operation's declared error responses (`number` for a `default` response). */
export type ErrorStatus<E> = E extends ApiError<infer S, unknown> ? S : never;

/** The declared error body for status `S`. */
export type ErrorBody<E, S extends number> = E extends ApiError<infer T, infer B> ? (S extends T ? B : never) : never;

export interface SuccessReply<R> extends SuccessInit {
  readonly body: MockBody<R>;
}

/** A declared error response with status `S` and body `B`, as a handler answers it. */
export interface ErrorReply<S extends number, B> extends ErrorInit<S> {
  readonly body: B;
}

/** One `ErrorReply` per declared error response of the operation. */
export type ErrorReplies<E> = E extends ApiError<infer S, infer B> ? ErrorReply<S, B> : never;

/** The connection fails before any response: the SDK retries it, then throws `ConnectionError`. */
export interface NetworkFailure {
  readonly network: true;
  readonly delay?: number;
}

/**
 * What a handler function answers: a success, a declared error, or a network failure. The
 * success comes last: TypeScript reports a reply that matches no member against the last one
 * whose properties it shares, so a `{ body }` with a wrong body is reported against the success
 * body, and `{ status: 404, body }` against the 404 response's.
 */
export type MockReply<R, E> = NetworkFailure | ErrorReplies<E> | SuccessReply<R>;

/**
 * A failure from outside the API: the connection fails, or something in front of the API (a
 * proxy, a load balancer) answers with a status the spec does not declare, such as 503.
 */
export type Failure = NetworkFailure | (ReplyInit & { readonly status: number; readonly body?: string });

export interface FakeOptions extends ReplyInit {
  /** The same seed gives the same data. Each call answered gets the next seed. @default 1 */
  readonly seed?: number;
  /** The status whose schema is faked. @default the operation's first declared 2xx status */
  readonly status?: number;
}

export type Handler<A, R, E> = (args: NonNullable<A>, request: Request) => MockReply<R, E> | Promise<MockReply<R, E>>;

/**
 * The mock of one operation. A call is answered by the oldest `…Once` reply not used yet, else
 * by the last reply registered without `Once`. Every reply is checked against the spec: a mock
 * cannot answer what the real API could not.
 */
export interface OperationMock<A, R, E> {
  readonly operation: OperationSpec;
  /** The `args` of every call so far, oldest first, decoded from the requests the SDK sent. */
  readonly calls: readonly NonNullable<A>[];
  /** Answers every call with this success body (validated now). */
  returns(body: MockBody<R>, init?: SuccessInit): this;
  /** Answers every call with this declared error (validated now); the SDK throws it as `ApiError`. */
  returns<S extends ErrorStatus<E>>(body: ErrorBody<E, S>, init: ErrorInit<S>): this;
  returnsOnce(body: MockBody<R>, init?: SuccessInit): this;
  returnsOnce<S extends ErrorStatus<E>>(body: ErrorBody<E, S>, init: ErrorInit<S>): this;
  /** Answers every call with what `handler` makes of its args (validated per call). */
  handles(handler: Handler<A, R, E>): this;
  handlesOnce(handler: Handler<A, R, E>): this;
  /** Answers every call with valid data generated from the response's schema (needs json-schema-faker). */
  returnsFake(options?: FakeOptions): this;
  returnsFakeOnce(options?: FakeOptions): this;
  /** Fails every call with a network failure or an undeclared status, e.g. `{ status: 503 }`. */
  fails(failure: Failure): this;
  failsOnce(failure: Failure): this;
}

/** A function shaped like msw's `http` namespace, so the kit needs no import of msw. */
export interface MswHttp<H> {
  all(predicate: string, resolver: (info: { readonly request: Request }) => Promise<Response | undefined>): H;
}

export interface MockControls<C> {
  /** A fetch function that answers from the mock: pass it as `createClient({ fetch })`. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Answers one request; rejects with `MockError` when no registered reply may answer it. */
  handle(request: Request): Promise<Response>;
  /**
   * Throws `MockError` if a registered reply was never used, or if a request went unanswered or a
   * reply was invalid (in case the code under test caught that error). When it throws, it resets
   * the mock first, so a failure in one test does not fail the tests after it.
   */
  assertAllCalled(): void;
  /** Forgets every reply, call and error, e.g. in `beforeEach`. */
  reset(): void;
  /**
   * One msw request handler answering the operations that have replies; other requests fall
   * through to msw's other handlers. Pass msw's `http`: `server.use(mock.mswHandler(http))`.
   */
  mswHandler<H>(http: MswHttp<H>): H;
  /** Every operation's mock, including any whose name is taken by a control above. */
  readonly operations: OperationMocks<C>;
}

/** A method's mock; a resource (`api.pets`) is mocked member by member (`mock.pets.listPets`). */
type OperationMockOf<T> = T extends Endpoint<infer A, infer R, infer E> ? OperationMock<A, R, E> : OperationMocks<T>;

export type OperationMocks<C> = { readonly [K in keyof C]: OperationMockOf<C[K]> };

/** A mock of client type `C`: one `OperationMock` per method, nested as `C`'s resources are, and the controls. */
export type MockApiOf<C> = Omit<OperationMocks<C>, keyof MockControls<C>> & MockControls<C>;

export interface MockOptions {
  /**
   * The client's `baseUrl`, when requests must match it exactly (an operation with servers of its
   * own also matches at those, with any value for their variables). By default a request matches
   * an operation when its method is the operation's and its path ends with the operation's path.
   */
  readonly baseUrl?: string;
}
