import { OverviewReplay } from "~/components/admin/overview/overview-replay";

export default function OverviewPage() {
  return (
    <>
      <h1>The article&apos;s overview</h1>
      <p className="muted">
        Every user with their cart and orders, folded from the whole log (the article&apos;s replay, with its progress),
        next to the same view read from the projections — and whether the two agree.
      </p>
      <OverviewReplay />
    </>
  );
}
