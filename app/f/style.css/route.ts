import { publicRoute } from "@/lib/api/public-route";
import { PUBLIC_CSS } from "@/lib/publish/public-css";

/** GET /f/style.css: the public pages' stylesheet (its URL carries its version, so it keeps for a year). */
export const GET = publicRoute(() => ({ body: PUBLIC_CSS, type: "text/css; charset=utf-8", cache: "public, max-age=31536000, immutable" }));
