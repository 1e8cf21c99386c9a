import { readPageInWorker } from "@/lib/import/extraction-pool";

/**
 * Starts the extraction worker and reads one small page, so a test's own
 * timeout measures the import, not the worker's start (from the TypeScript
 * sources, tsx compiles the extraction code inside the worker first: seconds
 * on a loaded machine). Use as `beforeAll(warmExtraction, 120_000)`.
 */
export async function warmExtraction(): Promise<void> {
  await readPageInWorker({ bytes: Buffer.from(`<p>warm-up ${Date.now()}</p>`), format: "html", field: "file" });
}
