/**
 * Word tables with no prototype. An article's words are looked up in these
 * tables, and a plain object literal answers `constructor`, `toString` or
 * `__proto__` with Object's own members: "constructor" in a sentence once
 * reached `.normalize()` on a function and failed the request. A table made
 * here answers only its own keys.
 */
export function dictionary<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
