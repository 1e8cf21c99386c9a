import { describe, expect, it } from "vitest";
import { dateBounds, parseDateValue, parseIsoDate } from "./iso-date";
import { formatInterval } from "./format-interval";

describe("ISO dates", () => {
  it("accepts real dates of three precisions and refuses the rest", () => {
    expect(parseIsoDate("2022")?.precision).toBe("year");
    expect(parseIsoDate("2022-11")?.precision).toBe("month");
    expect(parseIsoDate("2024-02-29")?.precision).toBe("day");
    for (const bad of ["2023-02-29", "2022-13", "2022-00", "2022-06-31", "22-06", "2022-6-1", "June 2022", "2022-06-28T10:00", "0000"]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it("gives the days a date covers", () => {
    expect(dateBounds("2022-02")).toEqual({ first: "2022-02-01", last: "2022-02-28" });
    expect(dateBounds("2022")).toEqual({ first: "2022-01-01", last: "2022-12-31" });
  });

  it("parses intervals, refusing one that ends before it starts, at the coarser precision", () => {
    expect(parseDateValue("2022-06-28/2022-06-30")).toEqual({ start: "2022-06-28", end: "2022-06-30", precision: "day" });
    expect(parseDateValue("2022-11/2022-12-22")).toEqual({ start: "2022-11", end: "2022-12-22", precision: "month" });
    expect(parseDateValue("2022-06/2022-06-15")).toMatchObject({ precision: "month" });
    expect(parseDateValue("2022-06-30/2022-06-28")).toEqual({ message: "The interval ends before it starts." });
    expect(parseDateValue("2022-06-30/2022-02-30")).toHaveProperty("message");
    expect(parseDateValue("2022/2023/2024")).toHaveProperty("message");
  });

  it("formats intervals as people write them", () => {
    expect(formatInterval("2022-06-28", "2022-06-30")).toBe("28–30 June 2022");
    expect(formatInterval("2022-07-27", "2022-08-26")).toBe("27 July – 26 August 2022");
    expect(formatInterval("2022-12-30", "2023-01-02")).toBe("30 December 2022 – 2 January 2023");
    expect(formatInterval("2022-07", null)).toBe("July 2022");
  });
});
