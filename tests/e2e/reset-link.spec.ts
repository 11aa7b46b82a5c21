// A one-time password reset link (teachers will issue these for students of their class).
import { expect, test } from "@playwright/test";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { fillSignIn, newEmail, signOut, signUp } from "./helpers";

/** Stores a reset token for `email` as the server does (only its sha256); returns the raw token. */
async function issueToken(email: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "PasswordResetToken" (id, "tokenHash", "userId", "expiresAt")
       SELECT $1, $2, id, now() + interval '1 day' FROM "User" WHERE email = $3`,
      [randomUUID(), createHash("sha256").update(token).digest("hex"), email],
    );
  } finally {
    await client.end();
  }
  return token;
}

test("a reset link sets a new password once", async ({ page }) => {
  const email = newEmail("forgot");
  await signUp(page, { displayName: "Emmy N.", email, password: "forgotten password" });
  await signOut(page);

  const token = await issueToken(email);
  await page.goto(`/reset/${token}`);
  await expect(page.getByText("Hello Emmy N.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("remembered this time");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=1$/);
  await fillSignIn(page, email, "remembered this time");
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  await page.goto(`/reset/${token}`);
  await expect(page.getByTestId("reset-invalid")).toContainText("not valid");
});
