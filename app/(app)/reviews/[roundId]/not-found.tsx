import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function RoundNotFound() {
  return (
    <NotFoundPanel
      title="Review round not found"
      body="It does not exist, or it belongs to another desk."
      backHref="/reviews"
      backLabel="Back to the reviews"
    />
  );
}
