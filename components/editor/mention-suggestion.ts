/**
 * The @-autocomplete of comments: tiptap's Mention extension with a small
 * listbox under the caret. Plain DOM, as tiptap's suggestion plugin drives it
 * (onStart/onUpdate/onKeyDown/onExit) outside React; positioned through the
 * CSSOM (no style attribute, which the page's CSP would refuse).
 *
 * A chosen teammate becomes `<span data-type="mention" data-id="…" data-label="…">@Name</span>`,
 * which the sanitizer keeps and the server reads by id
 * (lib/server/comments/comment-mentions.ts); "@name" typed by hand still works.
 */
import { popoverPosition } from "@/components/claims/popover-position";
import { Mention } from "@tiptap/extension-mention";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";

/** Someone the autocomplete offers. */
export type MentionCandidate = { id: string; label: string; detail?: string };

const MAX_SHOWN = 8;

/** Candidates whose name or e-mail starts (or a word of whose name starts) with `query`. */
export function matchCandidates(all: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const q = query.trim().toLowerCase();
  if (!q) return all.slice(0, MAX_SHOWN);
  return all
    .filter((c) => [c.label, ...c.label.split(/\s+/), c.detail ?? ""].some((s) => s.toLowerCase().startsWith(q)))
    .slice(0, MAX_SHOWN);
}

type Props = SuggestionProps<MentionCandidate, { id: string; label: string }>;

function listbox() {
  const root = document.createElement("ul");
  root.className = "mention-list";
  root.setAttribute("role", "listbox");
  root.setAttribute("aria-label", "Teammates to mention");
  root.dataset.testid = "mention-list";
  let props: Props | null = null;
  let active = 0;

  const choose = (i: number) => {
    const item = props?.items[i];
    if (item && props) props.command({ id: item.id, label: item.label });
  };
  const draw = () => {
    root.replaceChildren(
      ...(props?.items.length
        ? props.items.map((item, i) => {
            const li = document.createElement("li");
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", String(i === active));
            li.id = `mention-option-${item.id}`;
            li.textContent = item.label;
            if (item.detail) {
              const d = document.createElement("span");
              d.className = "muted small";
              d.textContent = ` ${item.detail}`;
              li.append(d);
            }
            // mousedown, not click: the editor must keep its selection.
            li.addEventListener("mousedown", (e) => {
              e.preventDefault();
              choose(i);
            });
            return li;
          })
        : [
            Object.assign(document.createElement("li"), {
              className: "muted small",
              textContent: props?.loading ? "Loading teammates…" : "No teammate by that name",
            }),
          ]),
    );
    const rect = props?.clientRect?.();
    if (rect) {
      // Under the caret, or above it without room below, and kept inside the window: at a card's right edge the list
      // ran off the screen. The list is in the page already, so its size is known.
      const at = popoverPosition(rect, { width: root.offsetWidth, height: root.offsetHeight });
      root.style.maxWidth = `${at.maxWidth}px`;
      root.style.left = `${at.left + window.scrollX}px`;
      root.style.top = `${at.top + window.scrollY}px`;
    }
  };
  return {
    onStart(p: Props) {
      props = p;
      active = 0;
      document.body.append(root);
      draw();
    },
    onUpdate(p: Props) {
      props = p;
      active = Math.min(active, Math.max(0, p.items.length - 1));
      draw();
    },
    onKeyDown({ event }: SuggestionKeyDownProps) {
      const n = props?.items.length ?? 0;
      if (event.key === "Escape") {
        root.remove();
        return true;
      }
      if (!n) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        active = (active + (event.key === "ArrowDown" ? 1 : n - 1)) % n;
        draw();
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        choose(active);
        return true;
      }
      return false;
    },
    onExit() {
      root.remove();
      props = null;
    },
  };
}

/**
 * The teammates the autocomplete offers, set by the editor's component as its
 * query loads (`null` while loading). An "@" typed before they are in waits
 * for them (the list says it is loading) instead of answering "No teammate by
 * that name" for good: the suggestion asks again only when the query changes.
 */
export type MentionCandidates = {
  set: (list: readonly MentionCandidate[] | null) => void;
  /** The teammates once loaded; a wait is dropped when `signal` aborts (the query changed or the list closed). */
  loaded: (signal?: AbortSignal) => Promise<readonly MentionCandidate[]>;
};

export function mentionCandidates(): MentionCandidates {
  let list: readonly MentionCandidate[] | null = null;
  const waiting = new Set<(list: readonly MentionCandidate[]) => void>();
  return {
    set(next) {
      list = next;
      if (!next) return;
      for (const resolve of waiting) resolve(next);
      waiting.clear();
    },
    loaded(signal) {
      if (list) return Promise.resolve(list);
      return new Promise((resolve, reject) => {
        waiting.add(resolve);
        signal?.addEventListener("abort", () => {
          waiting.delete(resolve);
          reject(signal.reason);
        });
      });
    },
  };
}

/** The Mention extension offering the teammates of `candidates` (read when the person types "@", never while rendering). */
export function mentionExtension(candidates: MentionCandidates) {
  return Mention.configure({
    renderText: ({ node }) => `@${node.attrs.label ?? node.attrs.id}`,
    suggestion: {
      char: "@",
      items: async ({ query, signal }) => matchCandidates(await candidates.loaded(signal), query),
      render: listbox,
    },
  });
}
