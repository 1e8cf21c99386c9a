/**
 * @-mentions in a comment's plain text. A mention names a teammate by the
 * local part of their e-mail address (`@reviewer1`), by their whole name
 * without spaces (`@RiyaReviewer`), or by their first name (`@Riya`) when no
 * other teammate shares it. Matching ignores case; an e-mail address in the
 * text (`x@y.org`) is not a mention. Pure.
 */
export type Mentionable = { id: string; name: string | null; email: string };

const MENTION = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

/** Ids of the teammates mentioned in `text`, each once, in order of first mention. */
export function findMentions(text: string, members: readonly Mentionable[]): string[] {
  const handles = new Map<string, Set<string>>();
  const add = (handle: string, id: string) => {
    const key = handle.toLowerCase();
    if (!key) return;
    handles.set(key, (handles.get(key) ?? new Set()).add(id));
  };
  for (const m of members) {
    add(m.email.split("@")[0] ?? "", m.id);
    if (m.name) {
      add(m.name.replace(/\s+/g, ""), m.id);
      add(m.name.trim().split(/\s+/)[0] ?? "", m.id);
    }
  }
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    // Sentence punctuation after a handle ("@riya." / "@riya,") is not part of it.
    const handle = match[2]!.replace(/[._-]+$/, "").toLowerCase();
    const ids = handles.get(handle);
    // An ambiguous handle (two Riyas) notifies nobody rather than the wrong person.
    if (ids?.size === 1) {
      const id = [...ids][0]!;
      if (!found.includes(id)) found.push(id);
    }
  }
  return found;
}
