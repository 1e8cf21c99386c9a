import type { Metadata } from "next";
import { ClaimSearch } from "@/components/assist/claim-search";

export const metadata: Metadata = { title: "Claims" };

export default function ClaimsPage() {
  return (
    <>
      <h1>Claims</h1>
      <ClaimSearch />
    </>
  );
}
