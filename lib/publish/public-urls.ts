/**
 * The public addresses of a team's published fact-checks, all
 * served without sign-in:
 * - /f/{team}                       the team's published fact-checks;
 * - /f/{team}/feed.xml, rss.xml, feed.json   Atom, RSS 2.0 and JSON Feed 1.1;
 * - /f/{team}/{article}             one fact-check (`#claim-n` anchors);
 * - /f/{team}/{article}/text/{n}    the exact text of article version n as checked;
 * - /f/style.css                    the pages' stylesheet.
 * Team and article slugs are lower-case letters, digits and single hyphens,
 * so no slug can be "style.css", "feed.xml" or another fixed name.
 */

/** A team or article slug as the public routes accept it. */
export const PUBLIC_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isPublicSlug = (s: string) => s.length <= 120 && PUBLIC_SLUG.test(s);

const seg = encodeURIComponent;

export const publicIndexPath = (team: string) => `/f/${seg(team)}`;
export const publicPagePath = (team: string, slug: string) => `${publicIndexPath(team)}/${seg(slug)}`;
export const publicTextPath = (team: string, slug: string, version: number) => `${publicPagePath(team, slug)}/text/${version}`;
export const publicFeedPaths = (team: string) => ({
  atom: `${publicIndexPath(team)}/feed.xml`,
  rss: `${publicIndexPath(team)}/rss.xml`,
  json: `${publicIndexPath(team)}/feed.json`,
});
export const PUBLIC_CSS_PATH = "/f/style.css";

/**
 * An article's slug from its title: lower-case ASCII letters and digits
 * joined by hyphens (accents dropped), at most 80 characters cut at a word;
 * "fact-check" when nothing is left (a title in another script).
 */
export function slugify(title: string | null | undefined): string {
  const words = (title ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > 80) break;
    out = next;
  }
  return out || (words[0]?.slice(0, 80) ?? "") || "fact-check";
}
