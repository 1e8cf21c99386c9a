import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ArticleNotFound() {
  return (
    <NotFoundPanel
      title="Article not found"
      body="It does not exist, or it belongs to another desk."
      backHref="/articles"
      backLabel="Back to the articles"
    />
  );
}
