import { jsonResponse } from "@/lib/api/json-response";

/** Liveness probe, and the baseline the claim-creation benchmark compares against. */
export function GET() {
  return jsonResponse({ ok: true });
}
