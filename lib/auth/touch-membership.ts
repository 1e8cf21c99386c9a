/**
 * "Last active" on the members page: the time of a member's latest request
 * in a team, stamped at most once every few minutes per member and process,
 * after the request's own work is under way (never awaited), so the hot path
 * pays nothing but a map lookup.
 */
import { sql, writeAll } from "@/lib/db/direct-sql";

/** How stale "last active" may be. */
export const LAST_ACTIVE_RESOLUTION_MS = 5 * 60_000;

const stamped = new Map<string, number>();

/** Records that the member of `membershipId` is active now, unless it was recorded in the last few minutes. */
export function touchMembership(membershipId: string, now = Date.now()): void {
  const last = stamped.get(membershipId);
  if (last !== undefined && now - last < LAST_ACTIVE_RESOLUTION_MS) return;
  if (stamped.size >= 10_000) stamped.clear();
  stamped.set(membershipId, now);
  writeAll([sql`UPDATE "Membership" SET "lastActiveAt" = ${new Date(now)} WHERE "id" = ${membershipId}`]).catch((error: unknown) => {
    // Losing one stamp only makes "last active" a little older; never fail a request for it.
    stamped.delete(membershipId);
    console.warn("Could not record a member's last activity", error);
  });
}
