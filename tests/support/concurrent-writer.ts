/**
 * A second process for tests/integration/database.test.ts: 8 concurrent
 * loops of create-then-update claims. Prints {"errors": n} last.
 */
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import type { CurrentUser } from "@/lib/auth/current-user";
import { viewerOf } from "@/lib/server/visibility/viewer";

const [user, articleId, versionId] = JSON.parse(process.argv[2]!) as [CurrentUser, string, string];
let errors = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 25; i++) {
      try {
        const c = await createClaim(user, articleId, { versionId, start: i, end: i + 4, verdict: "unsourced" });
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
