export default function AdminLoading() {
  return <p className="muted"><span className="spinner" aria-hidden /> Loading…</p>;
}
