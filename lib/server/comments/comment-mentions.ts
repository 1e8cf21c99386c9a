import { db } from "@/lib/db";
import { richTextToPlain } from "@/lib/rich-text/sanitize";
import { findMentions } from "@/lib/review/find-mentions";

/** `data-id` of every mention chip (`<span data-type="mention" data-id="…">`) in sanitized HTML. */
export function mentionChipIds(html: string): string[] {
  const ids: string[] = [];
  for (const [tag] of html.matchAll(/<span\b[^>]*>/g)) {
    if (!/\bdata-type="mention"/.test(tag)) continue;
    const id = /\bdata-id="([^"]{1,64})"/.exec(tag)?.[1];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The active teammates a comment mentions: the chips the @-autocomplete
 * inserted (by member id; an id that is not an active member of the team is
 * ignored) and "@name" typed by hand (lib/review/find-mentions.ts), each
 * once, never the author.
 */
export async function commentMentions(teamId: string, authorId: string, bodyHtml: string): Promise<string[]> {
  const members = await db.membership.findMany({
    where: { teamId, deactivatedAt: null },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const active = new Set(members.map((m) => m.user.id));
  const ids = [
    ...mentionChipIds(bodyHtml).filter((id) => active.has(id)),
    ...findMentions(
      richTextToPlain(bodyHtml),
      members.map((m) => m.user),
    ),
  ];
  return [...new Set(ids)].filter((id) => id !== authorId);
}
