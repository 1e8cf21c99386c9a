/** The columns a member is shown by in DTOs and reports: id and name, never the e-mail address. */
export const personSelect = { select: { id: true, name: true } } as const;
