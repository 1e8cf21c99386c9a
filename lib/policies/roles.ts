/** Team roles, most powerful first. Admins manage members; editors run reviews and publish; reviewers annotate. */
export const ROLES = ["admin", "editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

/** A role with its article, for sentences: "an admin", "a reviewer". */
export const roleWithArticle = (role: Role): string => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
