/** Liveness probe, and the baseline the claim-creation benchmark compares against. */
export function GET() {
  return Response.json({ ok: true });
}
