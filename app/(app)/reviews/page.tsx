import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canStartRound } from "@/lib/policies/round";
import { StartRoundForm } from "@/components/review/start-round-form";
import { RoundList } from "@/components/review/round-list";
import { AgreementChart } from "@/components/review/agreement-chart";

export const metadata: Metadata = { title: "Reviews" };

/** /reviews: the team's review rounds; editors start new ones here. */
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ article?: string }> }) {
  const user = await getCurrentUser();
  const { article } = await searchParams;
  return (
    <>
      <h1>Reviews</h1>
      {user && canStartRound(user) && <StartRoundForm defaultArticleId={article} />}
      <RoundList />
      <h2 className="section">Agreement over time</h2>
      <AgreementChart />
    </>
  );
}
