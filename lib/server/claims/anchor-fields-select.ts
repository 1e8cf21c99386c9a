/** The columns of a claim row that place it in its version's text (lib/schemas/claim.ts, AnchorFields), for a Prisma select. */
export const anchorFieldsSelect = { start: true, end: true, exact: true, prefix: true, suffix: true } as const;
