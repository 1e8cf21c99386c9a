import { describe, expect, it } from "vitest";
import { dateHints, factSubject } from "./date-hint";
import { findClaimDates } from "./claim-dates";

const MADRID = { id: "madrid", title: "NATO Madrid Summit, 28-30 June 2022", dateStart: "2022-06-28", dateEnd: "2022-06-30" };
const SEOUL = { id: "seoul", title: "Stoltenberg in Seoul, 29-30 January 2023", dateStart: "2023-01-29", dateEnd: "2023-01-30" };
const spans = (text: string, ref: string | null) => findClaimDates(text, ref).map((d) => [d.text, d.first, d.last, d.precision]);

describe("the date consistency hint", () => {
  it("warns on Stoltenberg's remark that placed the Madrid summit in July last year (evidence.json notes)", () => {
    // His remarks in Seoul on 29 January 2023; reports of them were published on the 29th and 30th.
    for (const published of ["2023-01-29", "2023-01-30"]) {
      const hints = dateHints("NATO summit in Madrid in July last year", published, [MADRID]);
      expect(hints.map((h) => h.message)).toEqual(["Evidence dates “NATO Madrid Summit” 28–30 June 2022; the claim says July 2022."]);
      expect(hints[0]).toMatchObject({ evidenceId: "madrid", evidenceSays: "28–30 June 2022", claimSays: "July 2022" });
    }
  });

  it("agrees with seed 000's “the NATO summit in Madrid in June 2022”, with or without a published date", () => {
    expect(dateHints("the NATO summit in Madrid in June 2022", null, [MADRID])).toEqual([]);
    expect(dateHints("the NATO summit in Madrid in June 2022", "2023-01-30", [MADRID])).toEqual([]);
    // Seed 001's "last year's summit" is the whole of 2022, which holds June.
    expect(dateHints("At last year’s NATO summit in Madrid", "2023-01-30", [MADRID])).toEqual([]);
  });

  it("keeps month-only dates as the whole month: any overlap agrees, none warns", () => {
    expect(spans("in June 2022", null)).toEqual([["June 2022", "2022-06-01", "2022-06-30", "month"]]);
    expect(dateHints("in June 2022", null, [{ ...MADRID, dateStart: "2022-06-30", dateEnd: null }])).toEqual([]);
    expect(dateHints("in May 2022", null, [MADRID]).map((h) => h.claimSays)).toEqual(["May 2022"]);
    // A month-precision fact ("2022-11") covers all of November.
    const wagner = { id: "w", title: "Arms to Wagner, December 2022", dateStart: "2022-11", dateEnd: "2022-12-22" };
    expect(dateHints("a delivery on 2 November 2022", null, [wagner])).toEqual([]);
    expect(dateHints("a delivery in October 2022", null, [wagner]).map((h) => h.message)).toEqual([
      "Evidence dates “Arms to Wagner” November – 22 December 2022; the claim says October 2022.",
    ]);
  });

  it("resolves relative dates against the published date, and leaves them out without one", () => {
    expect(spans("heading to Japan on Monday", "2023-01-29")).toEqual([["on Monday", "2023-01-30", "2023-01-30", "day"]]);
    expect(spans("arriving on January 29", "2023-01-30")).toEqual([["January 29", "2023-01-29", "2023-01-29", "day"]]);
    expect(spans("the summit last year", "2023-01-30")).toEqual([["last year", "2022-01-01", "2022-12-31", "year"]]);
    expect(spans("Last June, the summit", "2023-01-30")).toEqual([["June,", "2022-06-01", "2022-06-30", "month"]]);
    for (const relative of ["on Monday", "January 29", "in July last year", "last year"]) expect(spans(relative, null)).toEqual([]);
    // Day precision against the Seoul visit: Monday the 30th is inside, Wednesday 1 February is not.
    expect(dateHints("met Yoon on Monday", "2023-01-31", [SEOUL])).toEqual([]);
    expect(dateHints("met Yoon on Wednesday", "2023-01-31", [SEOUL]).map((h) => h.claimSays)).toEqual(["1 February 2023"]);
  });

  it("warns only when no date in the claim fits, and ignores words that merely look like dates", () => {
    expect(dateHints("said on Monday that the June 2022 summit mattered", "2023-01-31", [MADRID])).toEqual([]);
    expect(dateHints("South Korea may march on", "2023-01-31", [MADRID])).toEqual([]);
    expect(dateHints("no date at all", "2023-01-31", [MADRID])).toEqual([]);
    expect(dateHints("in July 2022", null, [{ ...MADRID, dateStart: null, dateEnd: null }])).toEqual([]);
  });

  it("never fails on years ISO-8601 cannot write, and reads no date into time offsets", () => {
    for (const text of [
      "the treaty 2100 years ago",
      "3000 years ago",
      "in 8000 years",
      "in the year 10000",
      "in 2 hours",
      "30 minutes ago",
    ]) {
      expect(() => dateHints(text, "2023-01-30", [MADRID])).not.toThrow();
      expect(spans(text, "2023-01-30")).toEqual([]);
    }
  });

  it("reads “next week” as the whole week, Monday to Sunday", () => {
    // Published Monday 30 January 2023: next week is 6-12 February.
    expect(spans("talks next week", "2023-01-30")).toEqual([["next week", "2023-02-06", "2023-02-12", "day"]]);
    expect(dateHints("talks next week", "2023-01-30", [{ ...SEOUL, dateStart: "2023-02-10", dateEnd: null }])).toEqual([]);
  });

  it("names what a fact is about from its title", () => {
    expect(factSubject(MADRID.title)).toBe("NATO Madrid Summit");
    expect(factSubject("Stoltenberg in Japan, 31 January - 1 February 2023")).toBe("Stoltenberg in Japan");
    expect(factSubject("A title without a date")).toBe("A title without a date");
  });
});
