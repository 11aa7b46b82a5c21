// A one-time password reset link (issued by a teacher for a student of their class).
import Link from "next/link";
import { ResetPasswordForm } from "@/components/forms/ResetPasswordForm";
import { describeResetToken } from "@/lib/server/password-reset/reset-token";

export const metadata = { title: "Choose a new password" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = token.length <= 200 ? await describeResetToken(token) : null;
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      {target ? (
        <>
          <p>Hello {target.displayName}. This link works once.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="message message-error" data-testid="reset-invalid" aria-label="Reset link problem">
          This reset link is not valid: it may have been used already or have expired. Ask for a new one.{" "}
          <Link href="/signin">Sign in</Link>
        </p>
      )}
    </section>
  );
}
