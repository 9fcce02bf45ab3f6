/**
 * The API surface: what an SDK user sees of an API (client methods, their arguments and results,
 * exported types and their fields), in a form two generations can be compared by. It is stored
 * beside the SDK (`.gen-client-surface.json`), so `--check` needs no copy of the old spec.
 */
import type { ParamLocation } from "../model/model.js";

export interface ApiSurface {
  /** Strict SDKs have closed enums in responses, so a new enum value there breaks readers. */
  readonly strict: boolean;
  /** By the client's path to the method: `listPets`, or `pets.listPets` in a resource. */
  readonly operations: Readonly<Record<string, OperationSurface>>;
  /** By exported type name. */
  readonly schemas: Readonly<Record<string, SchemaSurface>>;
  /** Each webhook's payload, by event name; absent in an API without webhooks. */
  readonly webhooks?: Readonly<Record<string, Slot>>;
  /** `createClient`'s environment names, the default first; absent when the spec names no servers. */
  readonly environments?: readonly string[];
  /** `createClient`'s `serverVariables`, by name; absent when there are none. */
  readonly serverVariables?: Readonly<Record<string, Slot>>;
}

/** Which side of the wire an SDK user meets a type on: writing requests, reading responses. */
export type Side = "request" | "response";

export interface OperationSurface {
  /** `GET /pets/{petId}`. */
  readonly route: string;
  readonly deprecated?: true;
  /** The paginator's style, when the method has `.paginate()` and `.pages()`. */
  readonly pagination?: string;
  /** By key in the operation's args object. */
  readonly params: Readonly<Record<string, Slot>>;
  readonly body?: Slot;
  /** The union of the success bodies (`undefined` when there is no content). */
  readonly result: Slot;
  /** Declared error status (`404`, `4XX`, `default`) → its body's type. */
  readonly errors: Readonly<Record<string, string>>;
}

export interface SchemaSurface {
  readonly sides: readonly Side[];
  /** Whether the SDK also exports the request-side view, `${name}Writable`. */
  readonly writable?: true;
  /**
   * Every position of the type that has a type of its own, by path: `""` is the type itself,
   * `owner.name` a nested field, `tags[]` array items, `labels{}` map values. Types of named
   * schemas are referred to by name, never expanded.
   */
  readonly slots: Readonly<Record<string, Slot>>;
}

/** One typed position: a field, a parameter, a body, array items. */
export interface Slot {
  /**
   * A summary of the type: `string`, `string(date-time)`, `integer`, `Pet`, `Pet[]`, `object`,
   * `enum` (see `values`), `union` (see `variants`), `A & object`.
   */
  readonly type: string;
  readonly values?: readonly (string | number | boolean)[];
  readonly variants?: readonly string[];
  readonly required?: true;
  readonly nullable?: true;
  readonly readOnly?: true;
  readonly writeOnly?: true;
  /** Parameters: where they are sent. */
  readonly in?: ParamLocation;
  /** Bodies: the media type. */
  readonly media?: string;
}
