import type { Metadata } from "next";
import { AssistSettings } from "@/components/assist/assist-settings";

export const metadata: Metadata = { title: "Claim assistance" };

export default function AssistanceSettingsPage() {
  return (
    <>
      <h1>Claim assistance</h1>
      <AssistSettings />
    </>
  );
}
