"use client";
import { useId, useState, type KeyboardEvent } from "react";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { useEvidenceList } from "@/lib/queries/use-evidence";
import { EVIDENCE_KIND_LABELS, type EvidenceDto } from "@/lib/schemas/evidence";

const MAX_OPTIONS = 8;

/**
 * Search-as-you-type picker over the team's library (WAI-ARIA combobox with
 * a listbox popup): ↓/↑ move through the options, Enter picks, Escape closes
 * the list (and clears the text when it is already closed).
 */
export function EvidencePicker({
  excludeIds,
  onPick,
  label = "Attach evidence",
}: {
  excludeIds: string[];
  onPick: (item: EvidenceDto) => void;
  label?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(query, 150);
  const results = useEvidenceList(q, "", { enabled: open });
  const options = (results.data ?? []).filter((e) => !excludeIds.includes(e.id)).slice(0, MAX_OPTIONS);
  const current = Math.min(active, options.length - 1);

  const pick = (item: EvidenceDto | undefined) => {
    if (!item) return;
    onPick(item);
    setQuery("");
    setOpen(false);
    setActive(0);
  };

  function handleKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (Math.max(0, Math.min(i, options.length - 1)) + step + options.length) % options.length : 0));
    } else if (e.key === "Enter" && open && options[current]) {
      e.preventDefault();
      pick(options[current]);
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      } else if (query) setQuery("");
    }
  }

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const showList = open && (options.length > 0 || !results.isFetching);
  return (
    <div className="combobox">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && options[current] ? optionId(current) : undefined}
        placeholder="Search the library…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={handleKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Library items" hidden={!showList}>
        {options.map((item, i) => (
          <li
            key={item.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            // Keep focus in the input so the list does not close before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(item)}
          >
            <span>{item.title}</span>
            <span className="muted small">
              {[EVIDENCE_KIND_LABELS[item.kind], item.publisher, item.date ?? item.publishedDate].filter(Boolean).join(" · ")}
            </span>
          </li>
        ))}
        {options.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="muted">
            No matching items
          </li>
        )}
      </ul>
    </div>
  );
}
