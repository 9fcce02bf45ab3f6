/**
 * Two API surfaces → what changed for an SDK user, in the SDK's own terms (`api.listPets`,
 * `Pet.owner.name`), each change marked breaking or not by the rules in rules.ts.
 */
import type { ApiSurface, OperationSurface, SchemaSurface, Side, Slot } from "./model.js";
import { breaks, type Rule } from "./rules.js";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-renamed"
  | "operation-moved"
  | "route-changed"
  | "type-added"
  | "type-removed"
  | "parameter-moved"
  | "media-type-changed"
  | "error-added"
  | "error-removed"
  | "pagination-added"
  | "pagination-removed"
  | "pagination-changed"
  | "deprecated"
  | "webhook-added"
  | "webhook-removed"
  | "environment-added"
  | "environment-removed"
  | "default-environment-changed"
  | Rule;

export interface SurfaceChange {
  readonly kind: ChangeKind;
  /** The client method (`api.listPets`), exported type (`Pet`) or webhook (`webhook petAdopted`) the change is in. */
  readonly subject: string;
  /** One line saying what changed, starting with the subject. */
  readonly message: string;
  readonly breaking: boolean;
}

export function diffSurfaces(before: ApiSurface, after: ApiSurface): SurfaceChange[] {
  const strict = after.strict;
  return [
    ...diffEnvironments(before.environments ?? [], after.environments ?? []),
    ...sortedUnion(before.serverVariables ?? {}, after.serverVariables ?? {}).flatMap((name) =>
      diffSlot({ subject: "createClient", label: `server variable ${JSON.stringify(name)}`, sides: ["request"], strict, presence: false }, own(before.serverVariables ?? {}, name), own(after.serverVariables ?? {}, name)),
    ),
    ...diffOperations(before, after, strict),
    ...diffSchemas(before, after, strict),
    ...diffWebhooks(before.webhooks ?? {}, after.webhooks ?? {}, strict),
  ];
}

// --- environments ----------------------------------------------------------------------------

/**
 * An environment gone breaks code that names it. A new default compiles as before but sends the
 * calls of every client created without `environment` or `baseUrl` elsewhere: breaking too.
 */
function diffEnvironments(before: readonly string[], after: readonly string[]): SurfaceChange[] {
  const subject = "createClient";
  const changes = [
    ...after.filter((name) => !before.includes(name)).map((name) => change("environment-added", subject, `${subject}: new environment ${JSON.stringify(name)}`, false)),
    ...before.filter((name) => !after.includes(name)).map((name) => change("environment-removed", subject, `${subject}: environment ${JSON.stringify(name)} removed`, true)),
  ];
  const [was] = before;
  const [now] = after;
  if (was !== undefined && now !== undefined && was !== now) {
    changes.push(change("default-environment-changed", subject, `${subject}: the default environment is now ${JSON.stringify(now)} (was ${JSON.stringify(was)})`, true));
  }
  return changes;
}

// --- webhooks --------------------------------------------------------------------------------

/**
 * A new webhook is a new member of `WebhookEvent`, as a new enum value is of an open enum: not
 * breaking. A removed one breaks code that compares `event.name` with it; its payload is read,
 * so it changes by the response rules (a sender adding a field is fine, removing one is not).
 */
function diffWebhooks(before: Readonly<Record<string, Slot>>, after: Readonly<Record<string, Slot>>, strict: boolean): SurfaceChange[] {
  return sortedUnion(before, after).flatMap((name) => {
    const old = own(before, name);
    const now = own(after, name);
    const subject = `webhook ${JSON.stringify(name)}`;
    if (old === undefined) return [change("webhook-added", subject, `${subject} added (${now?.type})`, false)];
    if (now === undefined) return [change("webhook-removed", subject, `${subject} removed`, true)];
    return diffSlot({ subject, label: "payload", sides: ["response"], strict, presence: false }, old, now);
  });
}

// --- operations ------------------------------------------------------------------------------

function diffOperations(before: ApiSurface, after: ApiSurface, strict: boolean): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  // A method gone and one new for the same route: the operation was renamed or moved to another resource.
  const renamedFrom = new Map<string, string>();
  const added = keysOnlyIn(after.operations, before.operations);
  for (const name of keysOnlyIn(before.operations, after.operations)) {
    const route = own(before.operations, name)?.route;
    const successor = added.find((candidate) => own(after.operations, candidate)?.route === route && !renamedFrom.has(candidate));
    if (successor !== undefined) renamedFrom.set(successor, name);
  }
  const renamed = new Set(renamedFrom.values());
  for (const name of sortedUnion(before.operations, after.operations)) {
    const old = own(before.operations, name);
    const now = own(after.operations, name);
    const subject = `api.${name}`;
    if (old && now) changes.push(...diffOperation(subject, old, now, strict));
    else if (now) {
      const previous = renamedFrom.get(name);
      changes.push(
        previous === undefined
          ? change("operation-added", subject, `${subject} (${now.route}) added`, false)
          : resourceOf(previous) === resourceOf(name)
            ? change("operation-renamed", subject, `api.${previous} renamed to ${subject} (${now.route})`, true)
            : change("operation-moved", subject, `api.${previous} moved to ${subject} (${now.route})`, true),
      );
    } else if (old && !renamed.has(name)) {
      changes.push(change("operation-removed", subject, `${subject} (${old.route}) removed`, true));
    }
  }
  return changes;
}

/** `repos.hooks` for `repos.hooks.get`: the resource a surface key is in (`""` for the client itself). */
function resourceOf(key: string): string {
  return key.slice(0, Math.max(0, key.lastIndexOf(".")));
}

function diffOperation(subject: string, old: OperationSurface, now: OperationSurface, strict: boolean): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  if (old.route !== now.route) changes.push(change("route-changed", subject, `${subject}: now ${now.route} (was ${old.route})`, false));
  for (const key of sortedUnion(old.params, now.params)) {
    const before = own(old.params, key);
    const after = own(now.params, key);
    if (before?.in !== undefined && after?.in !== undefined && before.in !== after.in) {
      changes.push(change("parameter-moved", subject, `${subject}: parameter ${JSON.stringify(key)} now sent in the ${after.in} (was ${before.in})`, false));
    }
    changes.push(...diffSlot({ subject, label: `parameter ${JSON.stringify(key)}`, sides: ["request"], strict, presence: true }, before, after));
  }
  changes.push(...diffSlot({ subject, label: "request body", sides: ["request"], strict, presence: true }, old.body, now.body));
  if (old.body?.media !== undefined && now.body?.media !== undefined && old.body.media !== now.body.media) {
    changes.push(change("media-type-changed", subject, `${subject}: request body now sent as ${now.body.media} (was ${old.body.media})`, false));
  }
  changes.push(...diffSlot({ subject, label: "result", sides: ["response"], strict, presence: false }, old.result, now.result));
  if (old.pagination !== now.pagination) changes.push(paginationChange(subject, old.pagination, now.pagination));
  if (now.deprecated && !old.deprecated) changes.push(change("deprecated", subject, `${subject}: now deprecated`, false));
  for (const status of sortedUnion(old.errors, now.errors)) {
    const before = own(old.errors, status);
    const after = own(now.errors, status);
    if (before === undefined && after !== undefined) changes.push(change("error-added", subject, `${subject}: new error response ${status} (${after})`, false));
    // `error.status === 404` no longer compiles once 404 is not among the declared errors.
    else if (before !== undefined && after === undefined) changes.push(change("error-removed", subject, `${subject}: error response ${status} removed`, true));
    else if (before !== undefined && after !== undefined && before !== after) {
      changes.push(...diffSlot({ subject, label: `error ${status} body`, sides: ["response"], strict, presence: false }, { type: before }, { type: after }));
    }
  }
  return changes;
}

function paginationChange(subject: string, before: string | undefined, after: string | undefined): SurfaceChange {
  if (before === undefined) return change("pagination-added", subject, `${subject}: new .paginate() and .pages() (${after} pagination)`, false);
  if (after === undefined) return change("pagination-removed", subject, `${subject}: .paginate() and .pages() removed`, true);
  return change("pagination-changed", subject, `${subject}: pages are now followed by ${after} (was ${before})`, false);
}

// --- exported types --------------------------------------------------------------------------

function diffSchemas(before: ApiSurface, after: ApiSurface, strict: boolean): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  for (const name of sortedUnion(before.schemas, after.schemas)) {
    const old = own(before.schemas, name);
    const now = own(after.schemas, name);
    if (!old) changes.push(change("type-added", name, `${name}: new type`, false));
    else if (!now) changes.push(change("type-removed", name, `${name}: type removed`, true));
    else changes.push(...diffSchema(name, old, now, strict));
    if (old && now && old.writable !== now.writable) {
      const writable = `${name}Writable`;
      changes.push(now.writable ? change("type-added", writable, `${writable}: new type`, false) : change("type-removed", writable, `${writable}: type removed`, true));
    }
  }
  return changes;
}

function diffSchema(name: string, old: SchemaSurface, now: SchemaSurface, strict: boolean): SurfaceChange[] {
  const sides = (["request", "response"] as const).filter((side) => old.sides.includes(side) || now.sides.includes(side));
  // Each side sees its own view (readOnly fields only in responses, writeOnly only in requests);
  // a change seen on both sides is reported once, breaking if it breaks either.
  const merged = new Map<string, SurfaceChange>();
  for (const side of sides) {
    for (const each of diffSlots(name, inView(old.slots, side), inView(now.slots, side), side, strict)) {
      const seen = merged.get(each.message);
      merged.set(each.message, seen ? { ...seen, breaking: seen.breaking || each.breaking } : each);
    }
  }
  return [...merged.values()];
}

/** The slots one side sees: readOnly fields are not in requests, writeOnly ones not in responses. */
function inView(slots: Readonly<Record<string, Slot>>, side: Side): Map<string, Slot> {
  const hidden: string[] = [];
  const visible = new Map<string, Slot>();
  for (const path of Object.keys(slots).sort(byCodeUnit)) {
    const slot = own(slots, path);
    if (!slot || hidden.some((ancestor) => isWithin(path, ancestor))) continue;
    if ((side === "request" && slot.readOnly) || (side === "response" && slot.writeOnly)) hidden.push(path);
    else visible.set(path, slot);
  }
  return visible;
}

function diffSlots(name: string, old: ReadonlyMap<string, Slot>, now: ReadonlyMap<string, Slot>, side: Side, strict: boolean): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  // Inside a position that appeared, disappeared or changed its type, only that one change counts.
  const settled: string[] = [];
  for (const path of [...new Set([...old.keys(), ...now.keys()])].sort(byCodeUnit)) {
    if (settled.some((ancestor) => isWithin(path, ancestor))) continue;
    const before = old.get(path);
    const after = now.get(path);
    if (!before || !after || before.type !== after.type) settled.push(path);
    const label = path === "" ? "" : `field ${JSON.stringify(path)}`;
    changes.push(...diffSlot({ subject: name, label, sides: [side], strict, presence: true }, before, after));
  }
  return changes;
}

/** Whether `path` lies inside the position at `ancestor` (`owner.name` inside `owner`). */
function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === "") return path !== "";
  return path.length > ancestor.length && path.startsWith(ancestor) && /^[.[{]/.test(path.slice(ancestor.length));
}

// --- one typed position ----------------------------------------------------------------------

interface Position {
  readonly subject: string;
  /** `parameter "limit"`, `field "owner.name"`, `result`; empty for a type itself. */
  readonly label: string;
  readonly sides: readonly Side[];
  readonly strict: boolean;
  /** Whether being there at all can change (fields, parameters, bodies), and required with it. */
  readonly presence: boolean;
}

function diffSlot(at: Position, before: Slot | undefined, after: Slot | undefined): SurfaceChange[] {
  const say = (rule: Rule, text: string) => ruled(at, rule, text);
  if (!before && !after) return [];
  if (!before && after) return [say(after.required ? "added-required" : "added-optional", `new ${after.required ? "required" : "optional"} ${at.label} (${display(after)})`)];
  if (before && !after) return [say("removed", `${at.label} removed`)];
  if (!before || !after) return [];
  const changes = typeChanges(at, before, after);
  if (at.presence && before.required !== after.required) changes.push(say(after.required ? "became-required" : "became-optional", `${at.label} is now ${after.required ? "required" : "optional"}`));
  if (before.nullable !== after.nullable) changes.push(say(after.nullable ? "became-nullable" : "became-non-nullable", `${at.label} ${after.nullable ? "can now be null" : "can no longer be null"}`));
  return changes;
}

function typeChanges(at: Position, before: Slot, after: Slot): SurfaceChange[] {
  const say = (rule: Rule, text: string) => ruled(at, rule, text);
  if (before.type === "enum" && after.type === "enum") {
    const old = new Set(before.values ?? []);
    const now = new Set(after.values ?? []);
    return [
      ...[...now].filter((value) => !old.has(value)).map((value) => say("enum-value-added", `${at.label} has a new value ${JSON.stringify(value)}`)),
      ...[...old].filter((value) => !now.has(value)).map((value) => say("enum-value-removed", `${at.label} no longer has the value ${JSON.stringify(value)}`)),
    ];
  }
  if (before.type === "union" && after.type === "union") {
    const old = new Set(before.variants ?? []);
    const now = new Set(after.variants ?? []);
    return [
      ...[...now].filter((variant) => !old.has(variant)).map((variant) => say("widened", `${at.label} can now be ${variant}`)),
      ...[...old].filter((variant) => !now.has(variant)).map((variant) => say("narrowed", `${at.label} can no longer be ${variant}`)),
    ];
  }
  if (before.type === after.type) return [];
  const rule = typeRule(before, after);
  return [say(rule, `${at.label} type ${display(before)} → ${display(after)}${rule === "changed" ? "" : ` (${rule})`}`)];
}

/** How a type change moves: towards more values (widened), fewer (narrowed), or elsewhere. */
function typeRule(before: Slot, after: Slot): Rule {
  if (admits(after, before)) return "widened";
  if (admits(before, after)) return "narrowed";
  return "changed";
}

/** Whether every value of `narrow` is a value of `wide`, as far as summaries can tell. */
function admits(wide: Slot, narrow: Slot): boolean {
  if (wide.type === "unknown") return true;
  if (wide.type === "number" && narrow.type === "integer") return true;
  if (wide.type === "string" && (/^string\(.+\)$/.test(narrow.type) || (narrow.type === "enum" && (narrow.values ?? []).every((v) => typeof v === "string")))) return true;
  if (wide.type === "union" && (wide.variants ?? []).includes(display(narrow))) return true;
  // `Base & object`: everything the intersection admits, Base does.
  if (narrow.type.split(" & ").includes(wide.type) && narrow.type !== wide.type) return true;
  return false;
}

/** A slot as the user would write its type. */
function display(slot: Slot): string {
  if (slot.type === "enum") return (slot.values ?? []).map((value) => JSON.stringify(value)).join(" | ");
  if (slot.type === "union") return (slot.variants ?? []).join(" | ");
  return slot.type;
}

function ruled(at: Position, rule: Rule, text: string): SurfaceChange {
  const breaking = at.sides.some((side) => breaks(rule, side, at.strict));
  return change(rule, at.subject, `${at.subject}: ${text.trimStart()}`, breaking);
}

function change(kind: ChangeKind, subject: string, message: string, breaking: boolean): SurfaceChange {
  return { kind, subject, message, breaking };
}

// --- records ---------------------------------------------------------------------------------

/** A record's own entry: stored surfaces are parsed JSON, where a key may be `__proto__`. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function keysOnlyIn(record: Readonly<Record<string, unknown>>, other: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record)
    .filter((key) => !Object.hasOwn(other, key))
    .sort(byCodeUnit);
}

function sortedUnion(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byCodeUnit);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
