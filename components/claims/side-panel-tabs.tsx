"use client";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useMediaQuery } from "@/components/ui/use-media-query";
import "./outcome.css";

/** Below this width the side column is a sheet over the text (the same breakpoint as `.workspace` in globals.css). */
export const SHEET_QUERY = "(max-width: 900px)";

/** What the article page's side panel and highlights show. */
export type SidePanelMode = "annotations" | "outcome";

const TABS: readonly { mode: SidePanelMode; label: string }[] = [
  { mode: "annotations", label: "Annotations" },
  { mode: "outcome", label: "Outcome" },
];

type Props = {
  /** Without tabs only the annotations panel shows, exactly as before there was an outcome. */
  showTabs: boolean;
  /** List the Outcome tab first (once a round is adjudicated, the outcome is what the page is about). */
  outcomeFirst?: boolean;
  mode: SidePanelMode;
  onModeChange: (mode: SidePanelMode) => void;
  annotations: ReactNode;
  /** Rendered only while its tab is selected. */
  outcome: ReactNode;
  /** How many claims the column lists (on the sheet's button). */
  count: number;
  /** A claim or draft to show: when it changes to another, a closed sheet opens. */
  revealKey: string | null;
};

/**
 * The side column of the article page, with an ARIA tab list (arrow keys,
 * Home and End move between the tabs) over the annotations and the outcome.
 * The annotations panel stays mounted behind the outcome, so a rationale
 * being typed survives a look at the outcome; the column is always the same
 * element, so the tabs appearing (a decision arriving live) remounts nothing.
 */
export function SidePanelTabs({ showTabs, outcomeFirst = false, mode, onModeChange, annotations, outcome, count, revealKey }: Props) {
  const tabs = useRef(new Map<SidePanelMode, HTMLButtonElement>());
  const sheet = useSheet(revealKey);
  const order = outcomeFirst ? [...TABS].reverse() : TABS;

  function handleKeyDown(e: KeyboardEvent) {
    const at = order.findIndex((t) => t.mode === mode);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1 + order.length, Home: 0, End: order.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = order[to % order.length]!.mode;
    onModeChange(next);
    tabs.current.get(next)?.focus();
  }

  return (
    <>
      {sheet.narrow && (
        <button
          type="button"
          className="btn btn-primary claim-sheet-toggle"
          aria-expanded={sheet.open}
          aria-controls="claim-sheet"
          onClick={() => sheet.setOpen(!sheet.open)}
        >
          Claims <span className="claim-sheet-count">{count}</span>
        </button>
      )}
      <div
        id="claim-sheet"
        className={`workspace-side${sheet.narrow ? " claim-sheet" : ""}`}
        role={sheet.narrow ? "dialog" : undefined}
        aria-label={sheet.narrow ? "Claims" : undefined}
        hidden={sheet.narrow && !sheet.open}
      >
        {sheet.narrow && (
          <div className="claim-sheet-head">
            <span className="claim-sheet-grip" aria-hidden="true" />
            <button type="button" className="btn btn-small" onClick={() => sheet.setOpen(false)}>
              Close
            </button>
          </div>
        )}
        {showTabs && (
          <div role="tablist" aria-label="Claims to show" className="side-tabs" onKeyDown={handleKeyDown}>
            {order.map((t) => (
              <button
                key={t.mode}
                ref={(el) => void (el ? tabs.current.set(t.mode, el) : tabs.current.delete(t.mode))}
                type="button"
                role="tab"
                id={`side-tab-${t.mode}`}
                className="side-tab"
                aria-selected={mode === t.mode}
                aria-controls={`side-panel-${t.mode}`}
                tabIndex={mode === t.mode ? 0 : -1}
                onClick={() => onModeChange(t.mode)}
              >
                {t.label}
              </button>
            ))}
          </div>
        )}
        <div
          id="side-panel-annotations"
          role={showTabs ? "tabpanel" : undefined}
          aria-labelledby={showTabs ? "side-tab-annotations" : undefined}
          hidden={mode !== "annotations"}
        >
          {annotations}
        </div>
        {showTabs && (
          <div id="side-panel-outcome" role="tabpanel" aria-labelledby="side-tab-outcome" hidden={mode !== "outcome"}>
            {mode === "outcome" && outcome}
          </div>
        )}
      </div>
    </>
  );
}

/**
 * The column as a sheet on narrow screens: closed at first, so the text
 * has the screen, unless the page was opened on a claim; opened by its
 * button or when a claim is picked or tagged
 * (`revealKey` changes); closed by its Close button or Escape. The column's
 * element is the same at every width, so nothing in it remounts when the
 * window crosses the breakpoint.
 */
function useSheet(revealKey: string | null) {
  const narrow = useMediaQuery(SHEET_QUERY);
  // A page opened on a claim (a deep link: ?claim=…) opens with the sheet showing it.
  const [open, setOpen] = useState(revealKey !== null);
  const [shown, setShown] = useState(revealKey);
  if (revealKey !== shown) {
    setShown(revealKey);
    if (revealKey) setOpen(true);
  }
  useEffect(() => {
    if (!narrow || !open) return;
    const onKey = (e: globalThis.KeyboardEvent) => void (e.key === "Escape" && setOpen(false));
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [narrow, open]);
  return { narrow, open: narrow && open, setOpen };
}
