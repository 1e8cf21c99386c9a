import type { RelatedClaimDto } from "@/lib/schemas/assist";

/**
 * Which related sentence "Previously checked" offers the verdict of, if any:
 * only a strong match ("Same claim") that carries a checked claim, the desk's
 * final claim before a colleague's. A "Similar" sentence is listed under
 * "Also in …" with its verdict, but its verdict is never offered for this
 * claim: tagging "NATO Secretary-General Jens" in one headline offered the
 * verdict of another article's sentence about North Korea helping Russia,
 * which only shared names with the sentence around it.
 */
export function previouslyChecked(rows: readonly RelatedClaimDto[]): RelatedClaimDto | undefined {
  const strong = rows.filter((r) => r.claim && r.level === "strong");
  return strong.find((r) => r.claim!.kind === "final") ?? strong[0];
}
