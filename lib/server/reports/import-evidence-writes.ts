import { newId } from "@/lib/db/new-id";
import { db, type Db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { ParsedEvidence } from "@/lib/export/parse-w3c";
import type { AuditInput } from "@/lib/server/audit/record-audit-event";
import { insertAuditEvents } from "@/lib/server/audit/insert-audit-events";
import { newEvidenceItem } from "@/lib/server/evidence/create-evidence";
import { visibleEvidenceItemWhere } from "@/lib/server/visibility/visible-where";
import { decodeOrNull } from "@/lib/http/percent-escapes";

type Tx = Pick<Db, "evidenceItem" | "evidenceLink" | "$executeRaw">;

/** Rows per createMany: well under both databases' limits on a statement's parameters. */
const CHUNK = 500;

/** Writes `rows` with `createMany`, CHUNK rows a statement (the import's annotations, items and links). */
export async function createManyInChunks<T>(rows: readonly T[], createMany: (args: { data: T[] }) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await createMany({ data: rows.slice(i, i + CHUNK) });
}

/**
 * The evidence of imported annotations, as what to write inside the import's
 * transaction (`write(tx)`, after its check). Each URL resolves, in order, to: an item of this
 * team's library that Claimdesk exported (`{baseUrl}/evidence/{id}`), a live
 * item of the team with the same URL (of those the caller may see: blind
 * review hides a co-reviewer's new items), or a new web-source item, made once
 * per URL. Then each annotation gets its links, with stance and pinpoint.
 * A Claimdesk IRI that is not a live item of this team (deleted since, or
 * another desk's) is skipped: a library entry pointing at it would be empty.
 * Returns the writer and how many links each annotation got.
 */
export async function importEvidenceWrites(user: Viewer, baseUrl: string, links: { annotationId: string; evidence: ParsedEvidence[] }[]) {
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

  const items: Awaited<ReturnType<typeof newEvidenceItem>>[] = [];
  const rows: {
    id: string;
    teamId: string;
    evidenceId: string;
    annotationId: string;
    stance: ParsedEvidence["stance"];
    pinpoint: string | null;
    createdById: string;
  }[] = [];
  const audits: AuditInput[] = [];
  const linked = new Map<string, number>();
  for (const l of links) {
    for (const e of l.evidence) {
      let evidenceId = itemFor.get(e.url);
      if (!evidenceId && e.url.startsWith(ownPrefix)) continue;
      if (!evidenceId) {
        const item = await newEvidenceItem(user, {
          kind: "web_source",
          title: e.title.trim().slice(0, 300) || e.url,
          url: e.url.slice(0, 2000),
        });
        items.push(item);
        audits.push(item.audit);
        evidenceId = item.id;
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
      rows.push({ id, ...link });
      audits.push({
        teamId: user.teamId,
        actorId: user.id,
        action: "evidence.link",
        objectType: "evidence_link",
        objectId: id,
        after: link,
      });
      linked.set(l.annotationId, (linked.get(l.annotationId) ?? 0) + 1);
    }
  }
  /** The new library items, then the links (the annotations are in by then), then their audit rows. */
  async function write(tx: Tx) {
    // An imported item names no sources: its row is its columns alone.
    const data = items.map(({ data: { sources: _none, ...row } }) => row);
    await createManyInChunks(data, (args) => tx.evidenceItem.createMany(args));
    await createManyInChunks(rows, (args) => tx.evidenceLink.createMany(args));
    await insertAuditEvents(tx, audits);
  }
  return { write, linked };
}
