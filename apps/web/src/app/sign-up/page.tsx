import Link from "next/link";
import { AuthForm } from "~/components/auth-form";

export default function SignUpPage() {
  return (
    <>
      <h1>Create an account</h1>
      <AuthForm mode="sign-up" />
      <p className="muted">Already have one? <Link href="/sign-in">Sign in</Link>.</p>
    </>
  );
}
