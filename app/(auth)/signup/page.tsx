// Create an account (learner or teacher).
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/forms/SignUpForm";
import { getCurrentUser } from "@/lib/server/session";

export const metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <SignUpForm />
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>.
      </p>
    </section>
  );
}
