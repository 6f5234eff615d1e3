import { ServicesStatus } from "~/components/admin/services/services-status";

export default function ServicesPage() {
  return (
    <>
      <h1>Services</h1>
      <p className="muted">The shop and the shipping service each keep their own log and meet only through integration events: each relays its public events from its own checkpoint, each reads the other&apos;s through a durable consumer.</p>
      <ServicesStatus />
    </>
  );
}
