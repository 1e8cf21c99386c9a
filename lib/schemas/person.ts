/** A member as DTOs and reports show them: id and name, never the e-mail address. */
export type Person = { id: string; name: string | null };
