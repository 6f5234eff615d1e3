"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { EmailAddressSchema, NameSchema } from "@chronicle/domain";
import { authClient } from "~/lib/auth-client";

// The domain's rules for names and emails (a sign-up becomes a RegisterUser command with them).
const SignUp = z.object({ name: NameSchema, email: EmailAddressSchema, password: z.string().min(8, "at least 8 characters").max(128) });
const SignIn = z.object({ email: z.string().min(1, "enter your email"), password: z.string().min(1, "enter your password") });

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ name?: string; email: string; password: string }>({
    resolver: zodResolver(mode === "sign-up" ? SignUp : SignIn) as never,
    defaultValues: { name: "", email: "", password: "" },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = mode === "sign-up"
      ? await authClient.signUp.email({ name: values.name ?? "", email: values.email, password: values.password })
      : await authClient.signIn.email({ email: values.email, password: values.password });
    if (result.error) {
      setFailure(result.error.message ?? result.error.statusText ?? "could not sign in");
      return;
    }
    const role = (result.data?.user as { role?: string } | undefined)?.role;
    router.push(role === "admin" ? "/admin" : "/");
    router.refresh();
  });
  return (
    <form className="stack card" onSubmit={submit} noValidate>
      {mode === "sign-up" && (
        <label>
          Name
          <input autoComplete="name" {...form.register("name")} />
          {errors.name && <span className="field-error">{errors.name.message}</span>}
        </label>
      )}
      <label>
        Email
        <input type="email" autoComplete="email" {...form.register("email")} />
        {errors.email && <span className="field-error">{errors.email.message}</span>}
      </label>
      <label>
        Password
        <input type="password" autoComplete={mode === "sign-up" ? "new-password" : "current-password"} {...form.register("password")} />
        {errors.password && <span className="field-error">{errors.password.message}</span>}
      </label>
      {failure && <div className="alert" role="alert">{failure}</div>}
      <button type="submit" disabled={form.formState.isSubmitting}>{mode === "sign-up" ? "Create account" : "Sign in"}</button>
    </form>
  );
}
