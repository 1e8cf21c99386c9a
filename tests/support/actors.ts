/** Test actors: a fresh team with members, as the use cases see them (CurrentUser). */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/policies/roles";
import { currentUserOf, createArticle, createTeam, createUser } from "@/seeds/factories";

export async function makeMember(db: Db, team: { id: string; name: string }, role: Role = "reviewer"): Promise<CurrentUser> {
  return currentUserOf(await createUser(db, { team, role }), team, role);
}

/** A team with an editor, two reviewers and one article. */
export async function makeDesk(db: Db, text = "First paragraph about NATO.\nSecond paragraph: Stoltenberg met Yoon in Seoul.") {
  const team = await createTeam(db);
  const editor = await makeMember(db, team, "editor");
  const reviewer = await makeMember(db, team, "reviewer");
  const reviewer2 = await makeMember(db, team, "reviewer");
  const article = await createArticle(db, { team, text, meta: { title: "Test article" } });
  return { team, editor, reviewer, reviewer2, article, version: article.versions[0]! };
}
