import Link from "next/link";
import { AuthForm } from "~/components/auth-form";

export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <AuthForm mode="sign-in" />
      <p className="muted">New here? <Link href="/sign-up">Create an account</Link>. The demo sign-ins are in the README.</p>
    </>
  );
}
