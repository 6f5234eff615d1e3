import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card" style={{ maxWidth: 560 }} data-testid="not-found">
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address: the id may be mistyped, or the thing never existed.</p>
      <p><Link href="/">Back to the shop</Link></p>
    </div>
  );
}
