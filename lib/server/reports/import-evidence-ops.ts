import { newId } from "@/lib/db/new-id";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/sqlite";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { ParsedEvidence } from "@/lib/export/parse-w3c";
import { auditEventCreate } from "@/lib/server/audit/record-audit-event";
import { evidenceCreateOps } from "@/lib/server/evidence/create-evidence";
import { visibleEvidenceItemWhere } from "@/lib/server/visibility/visible-where";
import { decodeOrNull } from "@/lib/http/percent-escapes";

type Op = Prisma.PrismaPromise<unknown>;

/**
 * The evidence of imported annotations, as operations for the import's one
 * batched transaction. Each URL resolves, in order, to: an item of this
 * team's library that Claimdesk exported (`{baseUrl}/evidence/{id}`), a live
 * item of the team with the same URL (of those the caller may see: blind
 * review hides a co-reviewer's new items), or a new web-source item, made once
 * per URL. Then each annotation gets its links, with stance and pinpoint.
 * A Claimdesk IRI that is not a live item of this team (deleted since, or
 * another desk's) is skipped: a library entry pointing at it would be empty.
 * Returns the operations and how many links each annotation got.
 */
export async function importEvidenceOps(user: Viewer, baseUrl: string, links: { annotationId: string; evidence: ParsedEvidence[] }[]) {
  const urls = [...new Set(links.flatMap((l) => l.evidence.map((e) => e.url)))];
  const ownPrefix = `${baseUrl.replace(/\/+$/, "")}/evidence/`;
  // import-w3c.ts refuses IRIs with malformed escapes first; decodeOrNull keeps this safe on its own.
  const ownIds = urls
    .filter((u) => u.startsWith(ownPrefix))
    .map((u) => decodeOrNull(u.slice(ownPrefix.length).split(/[?#]/)[0]!))
    .filter((id): id is string => id !== null);
  const known = await db.evidenceItem.findMany({
    where: { AND: [visibleEvidenceItemWhere(user.visibility), { deletedAt: null, OR: [{ id: { in: ownIds } }, { url: { in: urls } }] }] },
    select: { id: true, url: true },
    orderBy: { createdAt: "asc" },
  });
  const itemFor = new Map<string, string>();
  for (const k of known) if (k.url && !itemFor.has(k.url)) itemFor.set(k.url, k.id);
  for (const k of known) itemFor.set(`${ownPrefix}${encodeURIComponent(k.id)}`, k.id);

  const ops: Op[] = [];
  const linked = new Map<string, number>();
  for (const l of links) {
    for (const e of l.evidence) {
      let evidenceId = itemFor.get(e.url);
      if (!evidenceId && e.url.startsWith(ownPrefix)) continue;
      if (!evidenceId) {
        const created = await evidenceCreateOps(user, {
          kind: "web_source",
          title: e.title.trim().slice(0, 300) || e.url,
          url: e.url.slice(0, 2000),
        });
        ops.push(created.create, created.audit);
        evidenceId = created.id;
        itemFor.set(e.url, evidenceId);
      }
      const id = newId();
      const link = {
        teamId: user.teamId,
        evidenceId,
        annotationId: l.annotationId,
        stance: e.stance,
        pinpoint: e.pinpoint,
        createdById: user.id,
      };
      ops.push(db.evidenceLink.create({ data: { id, ...link }, select: { id: true } }));
      ops.push(
        auditEventCreate({
          teamId: user.teamId,
          actorId: user.id,
          action: "evidence.link",
          objectType: "evidence_link",
          objectId: id,
          after: link,
        }),
      );
      linked.set(l.annotationId, (linked.get(l.annotationId) ?? 0) + 1);
    }
  }
  return { ops, linked };
}
