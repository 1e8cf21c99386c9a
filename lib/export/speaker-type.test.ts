import { describe, expect, it } from "vitest";
import { speakerType } from "./speaker-type";

describe("speakerType", () => {
  it("takes people's names for people", () => {
    for (const name of [
      "Jens Stoltenberg",
      "Yoon Suk-yeol",
      "Park Jin",
      "a café owner",
      "Fumio Kishida",
      "윤석열",
      "J. Smith",
      "Maria Rossi-Post",
    ]) {
      expect(speakerType(name), name).toBe("Person");
    }
  });
  it("takes acronyms and institutional words for organizations", () => {
    for (const name of [
      "NATO",
      "KCNA",
      "UN Security Council",
      "Ministry of Defense",
      "South Korea's Foreign Ministry",
      "Democratic Party",
      "Yonhap News Agency",
      "The Korea Times",
      "Acme Corp",
      "국방부",
      "外務省",
      "Bundesregierung der Partei",
    ]) {
      expect(speakerType(name), name).toBe("Organization");
    }
  });
});
