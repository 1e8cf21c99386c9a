import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <div className="empty-state">
      <h1>Article not found</h1>
      <p className="muted">It does not exist, or it belongs to another desk.</p>
      <Link href="/articles">Back to the articles</Link>
    </div>
  );
}
