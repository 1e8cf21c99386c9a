import type { QueryClient } from "@tanstack/react-query";
import type { ClaimDto } from "@/lib/schemas/claim";
import { queryKeys } from "./keys";

/**
 * One claim written into its article's cached claims list, and nothing else
 * touched: a save's answer, or the one claim a live event named. Replaced in
 * place, added when new, dropped once deleted; an answer older than the
 * claim already held (a lower version) is ignored. A list not in the cache
 * stays absent: a partial list would pass for the whole one.
 */
export function putClaim(qc: QueryClient, claim: ClaimDto): void {
  qc.setQueryData<ClaimDto[]>(queryKeys.claims(claim.articleId), (list) => (list ? withClaim(list, claim) : list));
}

/** `list` with `claim` put in (see {@link putClaim}). */
export function withClaim(list: ClaimDto[], claim: ClaimDto): ClaimDto[] {
  const at = list.findIndex((c) => c.id === claim.id);
  if (at >= 0 && list[at]!.version > claim.version) return list;
  if (claim.deletedAt) return at >= 0 ? list.filter((c) => c.id !== claim.id) : list;
  if (at < 0) return [...list, claim];
  const next = list.slice();
  next[at] = claim;
  return next;
}

/** Drops a claim from its article's cached list (deleted, or no longer visible). */
export function dropClaim(qc: QueryClient, articleId: string, claimId: string): void {
  qc.setQueryData<ClaimDto[]>(queryKeys.claims(articleId), (list) =>
    list?.some((c) => c.id === claimId) ? list.filter((c) => c.id !== claimId) : list,
  );
}

/** The cached claim, if its article's list holds it. */
export function cachedClaim(qc: QueryClient, articleId: string, claimId: string): ClaimDto | undefined {
  return qc.getQueryData<ClaimDto[]>(queryKeys.claims(articleId))?.find((c) => c.id === claimId);
}
