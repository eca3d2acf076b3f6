import { inputError } from '../../protocol/api-error';
import { JsonObject } from '../../protocol/body-fields';
import { PinRecord } from './pins-slice';

/** The message fields that make up a pin; an update touching only these is a pin change. */
export const PIN_FIELDS: ReadonlySet<string> = new Set(['pinned', 'pin_expires', 'pinned_at']);

/** What an update does to a message's pin. */
export interface PinChange {
  /** The pin after the update; `undefined` when the update unpins the message. */
  pin: PinRecord | undefined;
}

/** An update's pin fields and what they apply to. */
export interface PinUpdateInput {
  /** `full` updates send `pinned` always (`!!pinned_at`): a change only when it differs. */
  kind: 'full' | 'partial';
  /** The fields set (the full update's message, the partial update's `set`). */
  set: JsonObject;
  /** The fields a partial update removes. */
  unset: string[];
  /** The pin in force now, if any. */
  current: PinRecord | undefined;
  /** The user who pins (the caller, or the user the server names). */
  actorId: string | undefined;
  /** The update's time. */
  now: string;
}

/**
 * Reads what an update does to the pin: `set.pinned` true pins (with `pin_expires`, an
 * ISO date or `null`, and `pinned_at`, a date or `null` for now), false or `unset: ['pinned']`
 * unpins; `pin_expires` / `pinned_at` alone change the pin in force.
 * @returns `undefined` when the update leaves the pin as it is.
 * @throws ApiError code 4 for wrong types, an expiry in the past, a pin without an acting
 * user, or pin fields on a message that is not pinned.
 */
export function planPinChange(input: PinUpdateInput): PinChange | undefined {
  const { set, unset, current } = input;
  const pinned = set['pinned'];
  if (pinned !== undefined && typeof pinned !== 'boolean') {
    throw inputError('pinned must be a boolean');
  }
  if (input.kind === 'full') {
    return pinned === undefined || pinned === (current !== undefined)
      ? undefined
      : fullUpdatePin(input, pinned);
  }
  if (pinned === false || unset.includes('pinned')) {
    return current ? { pin: undefined } : undefined;
  }
  const expires = readDate(set, 'pin_expires');
  const pinnedAt = readDate(set, 'pinned_at');
  const clearsExpiry = unset.includes('pin_expires');
  if (pinned === undefined && expires === undefined && pinnedAt === undefined && !clearsExpiry) {
    return undefined;
  }
  if (pinned === undefined && !current) {
    throw inputError('the message is not pinned: set pinned to true to pin it');
  }
  requireFuture(expires, input.now);
  return {
    pin: {
      pinnedAt: pinnedAt ?? current?.pinnedAt ?? input.now,
      pinnedById: current?.pinnedById ?? requireActor(input.actorId),
      pinExpires:
        expires !== undefined ? expires : clearsExpiry ? null : (current?.pinExpires ?? null),
    },
  };
}

/**
 * A full update whose `pinned` differs from the stored state. The client sends its local
 * copy's `pin_expires`; a date already past (a stale copy of a pin that ran out) is no pin.
 */
function fullUpdatePin(input: PinUpdateInput, pinned: boolean): PinChange | undefined {
  if (!pinned) {
    return { pin: undefined };
  }
  const expires = readDate(input.set, 'pin_expires') ?? null;
  if (expires !== null && Date.parse(expires) <= Date.parse(input.now)) {
    return undefined;
  }
  return {
    pin: { pinnedAt: input.now, pinnedById: requireActor(input.actorId), pinExpires: expires },
  };
}

/** A date field: an ISO string (normalised), `null`, or `undefined` when absent. */
function readDate(set: JsonObject, key: string): string | null | undefined {
  const value = set[key];
  if (value === undefined || value === null) {
    return value;
  }
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) {
    throw inputError(`${key} must be an ISO-8601 date or null`);
  }
  return new Date(time).toISOString();
}

function requireFuture(expires: string | null | undefined, now: string): void {
  if (typeof expires === 'string' && Date.parse(expires) <= Date.parse(now)) {
    throw inputError(`pin_expires ${expires} is not in the future`);
  }
}

function requireActor(actorId: string | undefined): string {
  if (actorId === undefined) {
    throw inputError('server-side pinning needs the pinning user (user.id or user_id)');
  }
  return actorId;
}
