"use client";
import { createContext, useContext, type ReactNode } from "react";

/** The signed-in member as the app's pages need them: who "you" are beside the authors of claims. */
export type CurrentMember = { id: string; name: string | null };

const CurrentMemberContext = createContext<CurrentMember | null>(null);

/** Set once by the signed-in shell (app/(app)/layout.tsx), for every page under it. */
export function CurrentMemberProvider({ member, children }: { member: CurrentMember; children: ReactNode }) {
  return <CurrentMemberContext value={member}>{children}</CurrentMemberContext>;
}

/** The signed-in member, or null outside the signed-in shell. Display only: every API route checks the caller itself. */
export const useCurrentMember = (): CurrentMember | null => useContext(CurrentMemberContext);
