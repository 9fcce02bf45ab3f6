import type { OperationSpec } from "../operation.js";
import { fakeBody } from "./fake.js";
import { MockError } from "./mock-error.js";
import { declaredReply, describeOperation, successStatus, undeclaredStatusReply, type Reply } from "./reply.js";
import type { FakeOptions, Failure, Handler, OperationMock, ReplyHeaders, ReplyInit } from "./types.js";

/** Where a registered reply comes from. */
type Source =
  | { readonly kind: "fixed"; readonly reply: Reply }
  | { readonly kind: "handler"; readonly handler: (args: never, request: Request) => unknown }
  | { readonly kind: "fake"; readonly status: number; readonly seed: number; readonly headers: ReplyHeaders | undefined };

interface Registration {
  readonly source: Source;
  /** How the test registered it, for messages: `returns()`, `failsOnce()`, … */
  readonly label: string;
  readonly delay: number | undefined;
  uses: number;
}

/** A reply for one request, and how long to wait before giving it. */
export interface Answer {
  readonly reply: Reply;
  readonly delay: number | undefined;
}

/**
 * The state behind `mock.<operation>`: registered replies and recorded calls. Typed loosely here;
 * the generated `testing.ts` types it per operation through `OperationMock<A, R, E>`.
 */
export class OperationMockState implements OperationMock<unknown, unknown, unknown> {
  readonly operation: OperationSpec;
  readonly calls: NonNullable<unknown>[] = [];
  readonly #key: string;
  #once: Registration[] = [];
  #always: Registration | undefined;
  #registered: Registration[] = [];

  constructor(key: string, operation: OperationSpec) {
    this.#key = key;
    this.operation = operation;
  }

  returns(body: unknown, init?: ReplyInit & { readonly status?: number }): this {
    return this.#fixed("returns", false, init, (where) => this.#declared(where, body, init));
  }

  returnsOnce(body: unknown, init?: ReplyInit & { readonly status?: number }): this {
    return this.#fixed("returnsOnce", true, init, (where) => this.#declared(where, body, init));
  }

  handles(handler: Handler<unknown, unknown, unknown>): this {
    return this.#register({ kind: "handler", handler }, "handles", false, undefined);
  }

  handlesOnce(handler: Handler<unknown, unknown, unknown>): this {
    return this.#register({ kind: "handler", handler }, "handlesOnce", true, undefined);
  }

  returnsFake(options: FakeOptions = {}): this {
    return this.#register(this.#fake(options), "returnsFake", false, options.delay);
  }

  returnsFakeOnce(options: FakeOptions = {}): this {
    return this.#register(this.#fake(options), "returnsFakeOnce", true, options.delay);
  }

  fails(failure: Failure): this {
    return this.#fixed("fails", false, failure, (where) => this.#failure(where, failure));
  }

  failsOnce(failure: Failure): this {
    return this.#fixed("failsOnce", true, failure, (where) => this.#failure(where, failure));
  }

  /** The answer to a call whose args were decoded as `args`; records the call first. */
  async answer(args: Record<string, unknown>, request: Request): Promise<Answer> {
    this.calls.push(args);
    const registration = this.#once.shift() ?? this.#always;
    if (registration === undefined) {
      throw new MockError(
        `mock: no reply for ${request.method} ${request.url}: it is a call of ${describeOperation(this.operation)}, which has none registered; register one with mock.${this.#key}.returns(…)`,
      );
    }
    const count = registration.uses++;
    const where = `mock.${this.#key}.${registration.label}()`;
    const { source } = registration;
    switch (source.kind) {
      case "fixed":
        return { reply: source.reply, delay: registration.delay };
      case "fake": {
        const body = await fakeBody(this.operation, where, source.status, source.seed + count);
        return { reply: declaredReply(this.operation, where, source.status, body, source.headers), delay: registration.delay };
      }
      case "handler":
        return this.#handlerAnswer(where, await source.handler(args as never, request));
    }
  }

  /** Whether a call would find a reply (msw lets other handlers answer when not). */
  hasReplies(): boolean {
    return this.#once.length > 0 || this.#always !== undefined;
  }

  /** Replies registered but never used, as lines for `assertAllCalled()`. */
  unused(): string[] {
    return this.#registered.filter((registration) => registration.uses === 0).map((registration) => `mock.${this.#key}.${registration.label}()`);
  }

  reset(): void {
    this.calls.length = 0;
    this.#once = [];
    this.#always = undefined;
    this.#registered = [];
  }

  #handlerAnswer(where: string, result: unknown): Answer {
    if (typeof result !== "object" || result === null) throw new MockError(`${where}: the handler returned ${String(result)}; return { body, status?, headers? } or { network: true }`);
    const delay = "delay" in result && typeof result.delay === "number" ? result.delay : undefined;
    if ("network" in result && result.network === true) return { reply: { kind: "network" }, delay };
    if (!("body" in result)) throw new MockError(`${where}: the handler returned an object without "body"; return { body, status?, headers? } or { network: true }`);
    const status = "status" in result && typeof result.status === "number" ? result.status : successStatus(this.operation);
    const headers = "headers" in result ? (result.headers as ReplyHeaders | undefined) : undefined;
    return { reply: declaredReply(this.operation, where, status, result.body, headers), delay };
  }

  #declared(where: string, body: unknown, init: (ReplyInit & { readonly status?: number }) | undefined): Reply {
    return declaredReply(this.operation, where, init?.status ?? successStatus(this.operation), body, init?.headers);
  }

  #failure(where: string, failure: Failure): Reply {
    if ("network" in failure) return { kind: "network" };
    return undeclaredStatusReply(this.operation, where, failure.status, failure.body, failure.headers);
  }

  #fake(options: FakeOptions): Source {
    return { kind: "fake", status: options.status ?? successStatus(this.operation), seed: options.seed ?? 1, headers: options.headers };
  }

  /** Registers a reply made (and checked) now, so a wrong one fails at the line that made it. */
  #fixed(label: string, once: boolean, init: ReplyInit | undefined, make: (where: string) => Reply): this {
    return this.#register({ kind: "fixed", reply: make(`mock.${this.#key}.${label}()`) }, label, once, init?.delay);
  }

  #register(source: Source, label: string, once: boolean, delay: number | undefined): this {
    const registration: Registration = { source, label, delay, uses: 0 };
    if (once) this.#once.push(registration);
    else {
      // A reply replaced before any call was never meant to be used: it is not reported unused.
      const replaced = this.#always;
      if (replaced?.uses === 0) this.#registered = this.#registered.filter((each) => each !== replaced);
      this.#always = registration;
    }
    this.#registered.push(registration);
    return this;
  }
}
