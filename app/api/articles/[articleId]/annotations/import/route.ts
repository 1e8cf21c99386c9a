import { z } from "zod";
import { readJson, withUser } from "@/lib/api/handler";
import { importW3c } from "@/lib/server/reports/import-w3c";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";
import { MAX_W3C_IMPORT_BYTES } from "@/lib/schemas/report";

/**
 * POST /api/articles/{id}/annotations/import: W3C Web Annotation JSON (an
 * Annotation, an array, or an AnnotationCollection/Page) or Hypothesis's API
 * JSON (a search response, the client's export, an array or one annotation).
 * The shape is checked annotation by annotation in lib/export/parse-w3c.ts and
 * parse-hypothesis.ts, which report what they cannot read instead of
 * rejecting the whole upload.
 */
export const POST = withUser<{ articleId: string }>(async ({ req, params, viewer }) => {
  const body = await readJson(req, z.unknown(), MAX_W3C_IMPORT_BYTES);
  return importW3c(await viewer(), params.articleId, body, publicBaseUrl(req));
});
