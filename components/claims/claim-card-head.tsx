import type { ReactNode } from "react";
import type { Verdict } from "@/lib/schemas/claim";
import { VerdictBadge } from "./verdict-badge";

type Props = { number: number; verdict: Verdict; onSelect: () => void; children: ReactNode };

/**
 * A claim card's head: a button that shows the claim in the text. Its name is
 * what it shows (number, verdict, state, who) with the action after it, e.g.
 * "Claim 2: Disputed Ann Reviewer, show in the text", so a screen reader
 * hears the verdict and the words on screen are the words in the name
 * (WCAG 2.5.3).
 */
export function ClaimCardHead({ number, verdict, onSelect, children }: Props) {
  return (
    <button type="button" className="claim-card-head" onClick={onSelect}>
      <span className="visually-hidden">Claim </span>
      <span className="claim-number">{number}</span>
      <span className="visually-hidden">: </span> <VerdictBadge verdict={verdict} /> {children}
      <span className="visually-hidden">, show in the text</span>
    </button>
  );
}
