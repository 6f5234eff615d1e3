import { redirect } from "next/navigation";
import { DeleteAccount } from "~/components/shop/delete-account";
import { currentUser } from "~/trpc/server";

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <>
      <h1>My account</h1>
      <div className="card">
        <dl className="facts">
          <dt>Name</dt><dd data-testid="account-name">{user.name}</dd>
          <dt>Email</dt><dd data-testid="account-email">{user.email}</dd>
        </dl>
      </div>
      {user.role === "customer" && <DeleteAccount />}
    </>
  );
}
