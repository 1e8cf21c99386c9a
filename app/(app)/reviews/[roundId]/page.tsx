import type { Metadata } from "next";
import { RoundView } from "@/components/review/round-view";

export const metadata: Metadata = { title: "Review" };

export default async function RoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  const { roundId } = await params;
  return <RoundView roundId={roundId} />;
}
