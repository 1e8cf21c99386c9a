import { nameKey } from "@/lib/assist/aliases";
import type { AliasDto } from "@/lib/schemas/assist";

/** The columns of a team alias a DTO shows. */
export const aliasSelect = { id: true, alias: true, canonical: true, version: true } as const;
/** One live alias per phrase: its comparison key ("the NATO chief" and "NATO chief" are one). */
export const aliasKey = (alias: string) => nameKey(alias).replace(/^the /, "");
export const toAliasDto = (r: { id: string; alias: string; canonical: string; version: number }): AliasDto => ({ ...r, builtIn: false });
