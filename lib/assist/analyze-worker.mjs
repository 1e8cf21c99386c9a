// Entry of the analysis worker (lib/server/assist/analyze-off-thread.ts): registers tsx in this thread,
// then loads the TypeScript worker, as the repository's scripts run TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./analyze-worker.ts");
