import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import type { TeamSettingsDto } from "@/lib/schemas/team";
import type { RatingScale } from "@/lib/schemas/rating-scale";
import { DEFAULT_TAG_MAP, parseTagLines, tagLines } from "@/lib/schemas/tag-map";

type Props = { settings: TeamSettingsDto; invalid: (field: string) => true | undefined };

/**
 * The settings of published fact-checks: the language of the public
 * pages, ClaimReview's numeric scale, and how imported annotations' tags map to
 * verdicts. Read back by {@link readPublishingSettings}.
 */
export function PublishingSettingsFields({ settings, invalid }: Props) {
  const s = settings.ratingScale;
  return (
    <>
      <fieldset>
        <legend>Published pages</legend>
        <label>
          Language
          <input name="language" defaultValue={settings.language ?? ""} placeholder="en" aria-invalid={invalid("language")} />
          <span className="small muted">
            A language tag (en, ko, pt-BR) for the public pages and the annotations the desk exports. Empty: English.
          </span>
        </label>
      </fieldset>
      <fieldset>
        <legend>Rating scale</legend>
        <p className="small muted">
          ClaimReview gives each verdict a number from the worst to the best rating. Leave a verdict empty to publish it in words only: by
          default Unsourced has no number, because it is not a truth value.
        </p>
        <div className="settings-row">
          <label>
            Worst
            <input name="scale-worst" type="number" step={1} defaultValue={s.worst} aria-invalid={invalid("ratingScale.worst")} />
          </label>
          <label>
            Best
            <input name="scale-best" type="number" step={1} defaultValue={s.best} aria-invalid={invalid("ratingScale.best")} />
          </label>
          {VERDICTS.map((v) => (
            <label key={v}>
              {VERDICT_LABELS[v]}
              <input
                name={`scale-${v}`}
                type="number"
                step={1}
                defaultValue={s.values[v] ?? ""}
                aria-invalid={invalid(`ratingScale.values.${v}`)}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Tags of imported annotations</legend>
        <label>
          Tag mapping
          <textarea
            name="importTagMap"
            rows={4}
            defaultValue={tagLines(settings.importTagMap)}
            placeholder={"mostly false = disputed\nneeds a source = unsourced"}
            aria-invalid={invalid("importTagMap")}
          />
          <span className="small muted">
            One “tag = verdict” per line. Annotations imported from Hypothesis or other tools get the verdict their tag maps to. Built in:{" "}
            {Object.keys(DEFAULT_TAG_MAP)
              .filter((t) => !t.includes(" "))
              .slice(0, 12)
              .join(", ")}
            …
          </span>
        </label>
      </fieldset>
    </>
  );
}

/** The publishing settings a submitted form holds, or the field and message of the first that is not valid. */
export function readPublishingSettings(
  f: FormData,
):
  | { ok: true; value: { language: string; ratingScale: RatingScale; importTagMap: Record<string, Verdict> } }
  | { ok: false; field: string; message: string } {
  const text = (name: string) => String(f.get(name) ?? "").trim();
  const num = (name: string) => (text(name) === "" ? null : Number(text(name)));
  const tags = parseTagLines(text("importTagMap"));
  if ("error" in tags) return { ok: false, field: "importTagMap", message: tags.error };
  const worst = num("scale-worst");
  const best = num("scale-best");
  if (worst === null || best === null)
    return { ok: false, field: worst === null ? "ratingScale.worst" : "ratingScale.best", message: "Give the worst and the best rating." };
  return {
    ok: true,
    value: {
      language: text("language"),
      ratingScale: {
        worst,
        best,
        values: { verified: num("scale-verified"), disputed: num("scale-disputed"), unsourced: num("scale-unsourced") },
      },
      importTagMap: tags.map,
    },
  };
}
