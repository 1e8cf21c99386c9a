import { db } from "@/lib/db";
import { articleNameText } from "@/lib/articles/article-name";
import { articleLeads } from "@/lib/server/articles/article-leads";

type ObjectRef = { objectType: string; objectId: string };
type Shown = { label: string | null; href: string | null };

const ids = (rows: ObjectRef[], type: string) => [...new Set(rows.filter((r) => r.objectType === type).map((r) => r.objectId))];
/** Runs `load` only when the page has objects of `type` (most pages hold two or three types). */
const some = <T>(rows: ObjectRef[], type: string, load: (ids: string[]) => Promise<T[]>): Promise<T[]> => {
  const list = ids(rows, type);
  return list.length > 0 ? load(list) : Promise.resolve([]);
};

/**
 * What each event's object is called and where it lives in the app, loaded
 * with one query per object type on the page (never per event). Keyed
 * `type:id`. Objects of another team are never read (every query names it).
 */
export async function activityObjects(teamId: string, rows: ObjectRef[]): Promise<Map<string, Shown>> {
  const out = new Map<string, Shown>();
  const put = (type: string, id: string, shown: Shown) => out.set(`${type}:${id}`, shown);
  const [articles, annotations, claims, rounds, clusters, evidence, links, memberships, invitations] = await Promise.all([
    some(rows, "article", (list) => db.article.findMany({ where: { teamId, id: { in: list } }, select: { id: true, title: true } })),
    some(rows, "annotation", (list) =>
      db.annotation.findMany({ where: { teamId, id: { in: list } }, select: { id: true, article: { select: { id: true, title: true } } } }),
    ),
    some(rows, "claim", (list) =>
      db.claim.findMany({ where: { teamId, id: { in: list } }, select: { id: true, article: { select: { id: true, title: true } } } }),
    ),
    some(rows, "round", (list) =>
      db.reviewRound.findMany({
        where: { teamId, id: { in: list } },
        select: { id: true, article: { select: { id: true, title: true } } },
      }),
    ),
    some(rows, "cluster", (list) =>
      db.cluster.findMany({
        where: { teamId, id: { in: list } },
        select: { id: true, number: true, roundId: true, round: { select: { article: { select: { id: true, title: true } } } } },
      }),
    ),
    some(rows, "evidence", (list) => db.evidenceItem.findMany({ where: { teamId, id: { in: list } }, select: { id: true, title: true } })),
    some(rows, "evidence_link", (list) =>
      db.evidenceLink.findMany({
        where: { teamId, id: { in: list } },
        select: {
          id: true,
          evidence: { select: { title: true } },
          annotation: { select: { articleId: true } },
          claim: { select: { articleId: true } },
        },
      }),
    ),
    some(rows, "membership", (list) =>
      db.membership.findMany({ where: { teamId, id: { in: list } }, select: { id: true, user: { select: { name: true, email: true } } } }),
    ),
    some(rows, "invitation", (list) => db.invitation.findMany({ where: { teamId, id: { in: list } }, select: { id: true, email: true } })),
  ]);
  // Untitled articles go by the first words of their text (one query, only when the page names one).
  const named = [
    ...articles,
    ...annotations.map((a) => a.article),
    ...claims.map((c) => c.article),
    ...rounds.map((r) => r.article),
    ...clusters.map((k) => k.round.article),
  ];
  const leads = await articleLeads(teamId, named);
  const titled = (a: { id: string; title: string | null }) => articleNameText({ title: a.title, lead: leads.get(a.id) ?? null });
  for (const a of articles) put("article", a.id, { label: titled(a), href: `/articles/${a.id}` });
  for (const a of annotations) put("annotation", a.id, { label: `claim in ${titled(a.article)}`, href: `/articles/${a.article.id}` });
  for (const c of claims) put("claim", c.id, { label: `final claim in ${titled(c.article)}`, href: `/articles/${c.article.id}` });
  for (const r of rounds) put("round", r.id, { label: `review of ${titled(r.article)}`, href: `/reviews/${r.id}` });
  for (const k of clusters)
    put("cluster", k.id, {
      label: `cluster ${k.number} of the review of ${titled(k.round.article)}`,
      href: `/reviews/${k.roundId}#cluster-${k.number}`,
    });
  for (const e of evidence) put("evidence", e.id, { label: e.title, href: `/evidence/${e.id}` });
  for (const l of links) {
    const articleId = l.annotation?.articleId ?? l.claim?.articleId;
    put("evidence_link", l.id, { label: l.evidence.title, href: articleId ? `/articles/${articleId}` : null });
  }
  for (const m of memberships) put("membership", m.id, { label: m.user.name ?? m.user.email, href: "/team" });
  for (const i of invitations) put("invitation", i.id, { label: i.email, href: "/team" });
  for (const id of ids(rows, "team")) put("team", id, { label: "team settings", href: "/team/settings" });
  return out;
}
