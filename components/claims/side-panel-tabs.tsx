"use client";
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import "./outcome.css";

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
};

/**
 * The side column of the article page, with an ARIA tab list (arrow keys,
 * Home and End move between the tabs) over the annotations and the outcome.
 * The annotations panel stays mounted behind the outcome, so a rationale
 * being typed survives a look at the outcome; the column is always the same
 * element, so the tabs appearing (a decision arriving live) remounts nothing.
 */
export function SidePanelTabs({ showTabs, outcomeFirst = false, mode, onModeChange, annotations, outcome }: Props) {
  const tabs = useRef(new Map<SidePanelMode, HTMLButtonElement>());
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
    <div className="workspace-side">
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
  );
}
