import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { RoundStatus } from "@/lib/policies/round";
import type { QueueItemDto } from "@/lib/schemas/review";
import { articleLeads } from "@/lib/server/articles/article-leads";

/** Today's calendar date (UTC), YYYY-MM-DD, to compare with due dates. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * GET /api/queue ("My queue"): the caller's review assignments in this team,
 * work still to do first (open and not submitted, earliest due first), then
 * the rest, newest first. The counts are of the caller's own annotations,
 * which blind review never hides from them.
 */
export async function listQueue(user: Viewer): Promise<QueueItemDto[]> {
  const rows = await db.roundAssignment.findMany({
    where: { reviewerId: user.id, round: { teamId: user.teamId, article: { deletedAt: null } } },
    select: {
      roundId: true,
      submittedAt: true,
      createdAt: true,
      round: { select: { status: true, dueDate: true, article: { select: { id: true, title: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const counts = await db.annotation.groupBy({
    by: ["roundId"],
    where: { teamId: user.teamId, authorId: user.id, deletedAt: null, roundId: { in: rows.map((r) => r.roundId) } },
    _count: { _all: true },
  });
  const leads = await articleLeads(
    user.teamId,
    rows.map((r) => r.round.article),
  );
  const items = rows.map((r) => {
    const todo = r.round.status === "open" && !r.submittedAt;
    return {
      roundId: r.roundId,
      article: { ...r.round.article, lead: leads.get(r.round.article.id) ?? null },
      status: r.round.status as RoundStatus,
      dueDate: r.round.dueDate,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      annotationCount: counts.find((c) => c.roundId === r.roundId)?._count._all ?? 0,
      overdue: todo && !!r.round.dueDate && r.round.dueDate < today(),
      todo,
    };
  });
  const due = (d: string | null) => d ?? "9999-12-31";
  items.sort((a, b) => Number(b.todo) - Number(a.todo) || (a.todo ? due(a.dueDate).localeCompare(due(b.dueDate)) : 0));
  return items.map(({ todo: _todo, ...item }) => item);
}
