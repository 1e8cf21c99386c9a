import type { Metadata } from "next";
import { AccountPage } from "@/components/account/account-page";

export const metadata: Metadata = { title: "Your account" };

/** /account: name, password, teams. */
export default function Account() {
  return (
    <>
      <h1>Your account</h1>
      <AccountPage />
    </>
  );
}
