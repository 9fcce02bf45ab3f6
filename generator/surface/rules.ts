/**
 * Which changes break an SDK user's code. A user writes requests (arguments, request bodies) and
 * reads responses (results, error bodies), so the same change can break one side and not the
 * other: a new required field breaks code that builds requests, a field that became optional
 * breaks code that reads responses.
 */
import type { Side } from "./model.js";

export type Rule =
  | "added-required"
  | "added-optional"
  | "removed"
  | "became-required"
  | "became-optional"
  | "became-nullable"
  | "became-non-nullable"
  | "enum-value-added"
  | "enum-value-removed"
  | "widened"
  | "narrowed"
  | "changed";

/** Whether a rule breaks code on each side. */
const BREAKS: Readonly<Record<Rule, Readonly<Record<Side, boolean>>>> = {
  // Readers never see a new field they must handle; writers must send a new required one.
  "added-required": { request: true, response: false },
  "added-optional": { request: false, response: false },
  // Request types are closed, so a literal that still sets the field stops compiling.
  removed: { request: true, response: true },
  "became-required": { request: true, response: false },
  "became-optional": { request: false, response: true },
  "became-nullable": { request: false, response: true },
  "became-non-nullable": { request: true, response: false },
  // Response enums are open (`Unlisted<…>`) unless the SDK is strict: see `breaks`.
  "enum-value-added": { request: false, response: false },
  "enum-value-removed": { request: true, response: false },
  widened: { request: false, response: true },
  narrowed: { request: true, response: false },
  changed: { request: true, response: true },
};

export function breaks(rule: Rule, side: Side, strict: boolean): boolean {
  if (rule === "enum-value-added" && side === "response") return strict;
  return BREAKS[rule][side];
}
