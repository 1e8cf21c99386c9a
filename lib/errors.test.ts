import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS } from "./errors";

describe("AppError", () => {
  it("maps each code to one status", () => {
    expect(ERROR_STATUS).toEqual({ INVALID_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, RATE_LIMITED: 429 });
    expect(new AppError("CONFLICT").status).toBe(409);
  });
  it("serializes to { error, field?, current? } only", () => {
    expect(new AppError("INVALID_INPUT", "Bad date.", { field: "publishedDate" }).toJSON()).toEqual({ error: "Bad date.", field: "publishedDate" });
    expect(new AppError("CONFLICT", undefined, { current: { version: 2 } }).toJSON()).toEqual({ error: "Someone changed this in the meantime.", current: { version: 2 } });
    expect(Object.keys(new AppError("NOT_FOUND").toJSON())).toEqual(["error"]);
  });
});
