/**
 * A second process for tests/integration/database.test.ts: 8 concurrent
 * loops of create-then-update claims, each on words of its own (one person
 * tags the same words once). Prints {"errors": n} last.
 */
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import type { CurrentUser } from "@/lib/auth/current-user";
import { viewerOf } from "@/lib/server/visibility/viewer";

const [user, articleId, versionId, writer] = JSON.parse(process.argv[2]!) as [CurrentUser, string, string, number];
let errors = 0;
await Promise.all(
  Array.from({ length: 8 }, async (_, loop) => {
    for (let i = 0; i < 25; i++) {
      try {
        const end = i + 2 + loop + 8 * writer;
        const c = await createClaim(user, articleId, { versionId, start: i, end, verdict: "unsourced" });
        await updateClaim(await viewerOf(user), c.id, { version: c.version, verdict: "verified" });
      } catch (e) {
        errors++;
        console.error(String(e));
      }
    }
  }),
);
console.log(JSON.stringify({ errors }));
process.exit(0);
