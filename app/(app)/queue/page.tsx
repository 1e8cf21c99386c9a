import type { Metadata } from "next";
import { QueueList } from "@/components/review/queue-list";

export const metadata: Metadata = { title: "My queue" };

/** /queue: the caller's review assignments. */
export default function QueuePage() {
  return (
    <>
      <h1>My queue</h1>
      <QueueList />
    </>
  );
}
