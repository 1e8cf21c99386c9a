import { expect } from "vitest";
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

/** The current row a use case sent back when it refused a stale write with 409; the test fails when the write went through or failed otherwise. */
export async function conflictCurrent(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(409);
    return (e as AppError).current;
  }
  throw new Error("expected a 409 conflict, and the write went through");
}
