// What every audit log does the same way: validating input, redacting, JSON semantics, paging.
import { AUDIT_KINDS, type AuditEntryInput, type AuditLogOptions } from './types.js';

/** An entry checked, redacted and reduced to JSON, ready for a store to give an id (and a time). */
export interface NormalizedEntry {
  readonly correlationId: string;
  readonly kind: AuditEntryInput['kind'];
  readonly actor: string;
  readonly action: string;
  readonly subject?: { readonly type: string; readonly id: string };
  readonly before?: unknown;
  readonly after?: unknown;
  readonly detail?: unknown;
  /** Epoch ms, when the caller gave one. */
  readonly atMs?: number;
}

function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`audit entry ${field} must be a non-empty string`);
  }
  return value;
}

/** The value as JSON would keep it (what `jsonb` stores); `undefined` when JSON has no value for it. */
function asJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Applies the store's `redact` hook, then checks the entry. Errors name the field, never its value
 * (a value could be a secret the caller forgot to redact).
 */
export function normalizeEntry(input: AuditEntryInput, options: AuditLogOptions): NormalizedEntry {
  const entry = options.redact ? options.redact(input) : input;
  const kind = entry.kind;
  if (!AUDIT_KINDS.includes(kind)) {
    throw new TypeError(`audit entry kind must be one of ${AUDIT_KINDS.join(', ')}`);
  }
  const atMs = entry.at === undefined ? undefined : entry.at.getTime();
  if (atMs !== undefined && Number.isNaN(atMs)) throw new TypeError('audit entry at is an invalid Date');
  const fields = { before: asJson(entry.before), after: asJson(entry.after), detail: asJson(entry.detail) };
  return {
    correlationId: requireText('correlationId', entry.correlationId),
    kind,
    actor: requireText('actor', entry.actor),
    action: requireText('action', entry.action),
    ...(entry.subject
      ? {
          subject: {
            type: requireText('subject.type', entry.subject.type),
            id: requireText('subject.id', String(entry.subject.id)),
          },
        }
      : {}),
    ...(fields.before !== undefined ? { before: fields.before } : {}),
    ...(fields.after !== undefined ? { after: fields.after } : {}),
    ...(fields.detail !== undefined ? { detail: fields.detail } : {}),
    ...(atMs !== undefined ? { atMs } : {}),
  };
}

/** A position in the (at, id) order, as `list` and `trace` page through it. */
export interface PagePosition {
  readonly atMs: number;
  readonly id: bigint;
}

/** The opaque `next` of a page ending at `entry`. */
export function pageCursor(at: string, id: string): string {
  return `${Date.parse(at)}.${id}`;
}

/** Reads an `after` option back; a string that no page produced is a `RangeError`. */
export function parsePageCursor(after: string | undefined): PagePosition | undefined {
  if (after === undefined) return undefined;
  const match = /^(-?[0-9]{1,16})\.([0-9]{1,19})$/.exec(after);
  if (!match) throw new RangeError('after must be the next cursor of a previous page');
  return { atMs: Number(match[1]), id: BigInt(match[2] as string) };
}

/** The page size asked for, or `fallback`; anything but a positive integer is a `RangeError`. */
export function pageLimit(limit: number | undefined, fallback: number): number {
  const value = limit ?? fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`limit must be a positive integer, got ${value}`);
  }
  return value;
}

/** Checks a `retentionMs` option: a positive whole number of ms, or absent. */
export function checkRetention(retentionMs: number | undefined): void {
  if (retentionMs !== undefined && (!Number.isSafeInteger(retentionMs) || retentionMs <= 0)) {
    throw new RangeError(`retentionMs must be a positive integer in ms, got ${retentionMs}`);
  }
}

/** The error of a `prune()` that has neither `olderThan` nor a store retention. */
export const noRetention = () =>
  new RangeError('prune() needs olderThan, or a retentionMs option on the audit log');
