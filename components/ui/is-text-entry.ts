/** Input types that take typed characters (a key typed there is text, never a shortcut). */
const NOT_TEXT = new Set(["radio", "checkbox", "button", "submit", "reset", "range", "color", "file"]);

/** Whether `el` takes typed text: a text field, a text area or an editable region. Shortcut keys leave it alone. */
export function isTextEntry(el: EventTarget | Element | null): boolean {
  if (!el || typeof HTMLElement === "undefined" || !(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLInputElement) return !NOT_TEXT.has(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || el.isContentEditable;
}
