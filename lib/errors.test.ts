import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, ERROR_STATUS, type AppErrorCode } from "./errors";
import { errorResponse } from "./api/handler";

const CODES = Object.keys(ERROR_STATUS) as AppErrorCode[];

describe("errors reach the client as { error, field?, current? } with one status per code", () => {
  it("answers every code with a distinct status (never the 500 of a bug) and a readable default message", async () => {
    const statuses = new Set<number>();
    for (const code of CODES) {
      const res = errorResponse(new AppError(code));
      expect(res.status, code).toBeGreaterThanOrEqual(400);
      expect(res.status, code).not.toBe(500);
      statuses.add(res.status);
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body), code).toEqual(["error"]);
      expect(String(body.error).length, code).toBeGreaterThan(5);
    }
    expect(statuses.size).toBe(CODES.length);
  });

  it("answers an AppError made by another copy of the module (another Next bundle) with its status, and nothing else is one", async () => {
    vi.resetModules();
    const copy = await import("./errors");
    expect(copy.AppError).not.toBe(AppError);
    const theirs = new copy.AppError("NOT_FOUND", "Article not found.");
    expect(theirs).toBeInstanceOf(AppError);
    const res = errorResponse(theirs);
    expect([res.status, await res.json()]).toEqual([404, { error: "Article not found." }]);
    for (const other of [new Error("Article not found."), { code: "NOT_FOUND", message: "x" }, null, "NOT_FOUND"])
      expect(other instanceof AppError).toBe(false);
    class Sub extends AppError {}
    expect(new AppError("NOT_FOUND") instanceof Sub).toBe(false);
    expect(new Sub("NOT_FOUND") instanceof Sub).toBe(true);
  });

  it("keeps the statuses clients depend on", () => {
    const status = (code: AppErrorCode) => errorResponse(new AppError(code)).status;
    expect([status("INVALID_INPUT"), status("UNAUTHENTICATED"), status("NOT_FOUND"), status("CONFLICT")]).toEqual([400, 401, 404, 409]);
  });

  it("names the field and carries the current state of a conflict", async () => {
    expect(await errorResponse(new AppError("INVALID_INPUT", "Bad date.", { field: "publishedDate" })).json()).toEqual({
      error: "Bad date.",
      field: "publishedDate",
    });
    expect(await errorResponse(new AppError("CONFLICT", undefined, { current: { version: 2 } })).json()).toEqual({
      error: "Someone changed this in the meantime.",
      current: { version: 2 },
    });
  });

  it("turns a schema failure into a 400 naming the field's path", async () => {
    const parsed = z.object({ span: z.object({ start: z.number() }) }).safeParse({ span: { start: "x" } });
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: "span.start", error: expect.stringContaining("span.start") });
  });

  it("never lets an unknown error's message out", async () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      const res = errorResponse(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=secret"));
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toContain("ECONNREFUSED");
      expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
    } finally {
      console.error = quiet;
    }
  });
});
