import { AppError } from "@/lib/errors";

/** "ok", or "<status>:<field>" for an AppError: what a use case answered, in one comparable string. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return `${e.status}:${e.field ?? ""}`;
    throw e;
  }
}
