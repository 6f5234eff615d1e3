import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "~/trpc/server";

const sections = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/time-travel", label: "Time travel" },
  { href: "/admin/overview", label: "Overview" },
  { href: "/admin/projections", label: "Projections" },
  { href: "/admin/services", label: "Services" },
];

// UX only: every admin procedure checks the role itself, so a page reached another way still gets nothing.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (user.role !== "admin") {
    return (
      <div className="alert" role="alert" data-testid="admin-forbidden">
        Forbidden: the back office is for admins. You are signed in as {user.name} ({user.role}). <Link href="/">Back to the shop</Link>
      </div>
    );
  }
  return (
    <div className="admin">
      <aside>
        <nav aria-label="Back office">
          {sections.map((s) => <Link key={s.href} href={s.href}>{s.label}</Link>)}
        </nav>
      </aside>
      <section>{children}</section>
    </div>
  );
}
