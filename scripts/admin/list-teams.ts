import { db } from "@/lib/db";
import { MANAGER_ROLES } from "@/lib/policies/team";
import type { AdminCommand } from "./command";
import { findTeamBySlug } from "./lookup";

/** Rows as aligned text columns (no table library for a CLI this small). */
function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  for (const r of rows)
    console.log(
      r
        .map((c, i) => c + " ".repeat(widths[i]! - [...c].length))
        .join("  ")
        .trimEnd(),
    );
}

export const listTeamsCommand: AdminCommand = {
  usage: "list-teams",
  summary: "List the teams with their slugs and member counts",
  async run() {
    const teams = await db.team.findMany({
      orderBy: { createdAt: "asc" },
      select: { name: true, slug: true, memberships: { select: { role: true, deactivatedAt: true } } },
    });
    if (teams.length === 0) return void console.log("No teams yet.");
    printTable([
      ["SLUG", "NAME", "ACTIVE", "ADMINS", "DEACTIVATED"],
      ...teams.map((t) => {
        const active = t.memberships.filter((m) => !m.deactivatedAt);
        return [
          t.slug,
          t.name,
          String(active.length),
          String(active.filter((m) => MANAGER_ROLES.includes(m.role)).length),
          String(t.memberships.length - active.length),
        ];
      }),
    ]);
  },
};

export const listMembersCommand: AdminCommand = {
  usage: "list-members <team-slug>",
  summary: "List a team's members with role, status and last activity",
  async run([slug]) {
    const team = await findTeamBySlug(slug);
    const members = await db.membership.findMany({
      where: { teamId: team.id },
      orderBy: { createdAt: "asc" },
      select: { role: true, deactivatedAt: true, lastActiveAt: true, user: { select: { email: true, name: true } } },
    });
    printTable([
      ["EMAIL", "NAME", "ROLE", "STATUS", "LAST ACTIVE"],
      ...members.map((m) => [
        m.user.email,
        m.user.name ?? "",
        m.role,
        m.deactivatedAt ? "deactivated" : "active",
        m.lastActiveAt?.toISOString() ?? "never",
      ]),
    ]);
  },
};
