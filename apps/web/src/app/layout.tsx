import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "~/components/sign-out-button";
import { TRPCReactProvider } from "~/trpc/react";
import { currentUser } from "~/trpc/server";
import "./globals.css";

export const metadata: Metadata = { title: "Chronicle shop", description: "An event-sourced shop: every change is an event." };
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">Chronicle</Link>
          <nav>
            <Link href="/">Shop</Link>
            {user?.role === "customer" && <Link href="/cart">Cart</Link>}
            {user?.role === "customer" && <Link href="/orders">My orders</Link>}
            {user?.role === "customer" && <Link href="/account">Account</Link>}
            {user?.role === "admin" && <Link href="/admin">Admin</Link>}
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="signed-in-as">{user.name} · {user.role}</span>
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/sign-in">Sign in</Link>
                <Link href="/sign-up" className="button">Sign up</Link>
              </>
            )}
          </div>
        </header>
        <TRPCReactProvider>
          <main>{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
