// Accounts end to end in a real browser against the built app.
import { expect, test } from "@playwright/test";
import { DEMO_LEARNER, DEMO_TEACHER, fillSignIn, newEmail, signIn, signOut, signUp } from "./helpers";

test("a new learner signs up, signs out, is refused a wrong password, signs in and sees a formula", async ({
  page,
}) => {
  const email = newEmail("learner");
  const password = "my first password";
  await signUp(page, { displayName: "Grace", email, password, role: "learner" });
  await expect(page.getByRole("heading", { name: "Welcome, Grace" })).toBeVisible();
  await signOut(page);

  await page.goto("/signin");
  await fillSignIn(page, email, "not my password");
  await expect(page.getByTestId("form-error")).toHaveText("The email or password is not correct.");
  await expect(page.getByRole("alert", { name: "Sign-in problem" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const formula = page.getByRole("figure", { name: "The chain rule" });
  // KaTeX rendered on the server: visible HTML and MathML for assistive technology.
  await expect(formula.locator(".katex-html")).toBeVisible();
  await expect(formula.locator(".katex-mathml math")).toHaveCount(1);
  await expect(formula.locator(".katex-mathml annotation")).toContainText("\\frac{d}{dx}");
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/signin");
  await fillSignIn(page, newEmail("nobody"), "whatever password");
  await expect(page.getByTestId("form-error")).toHaveText("The email or password is not correct.");
});

test("a signed-out visit to a protected page goes to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByTestId("demo-accounts")).toBeVisible();
  await fillSignIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
});

test("a learner cannot open the teaching page; a teacher can", async ({ browser }) => {
  const learner = await browser.newPage();
  await signIn(learner, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await expect(learner.getByRole("link", { name: "Teaching" })).toHaveCount(0);
  const refused = await learner.goto("/teacher");
  expect(refused?.status()).toBe(403);
  await expect(learner.getByTestId("forbidden")).toBeVisible();
  await expect(learner.getByTestId("teacher-area")).toHaveCount(0);
  await learner.close();

  const teacher = await browser.newPage();
  await signIn(teacher, DEMO_TEACHER.email, DEMO_TEACHER.password);
  await teacher.getByRole("link", { name: "Teaching" }).click();
  await expect(teacher).toHaveURL(/\/teacher$/);
  await expect(teacher.getByTestId("teacher-area")).toBeVisible();
  await teacher.close();
});

test("a learner changes the display name and password, signs in with the new one, then deletes the account", async ({
  page,
  browser,
}) => {
  const email = newEmail("changer");
  const oldPassword = "the old password";
  const newPassword = "the new password";
  await signUp(page, { displayName: "Alan", email, password: oldPassword });

  await page.goto("/account");
  const nameForm = page.getByRole("form", { name: "Change display name" });
  await nameForm.getByLabel("Display name").fill("Alan T.");
  await nameForm.getByRole("button", { name: "Save display name" }).click();
  await expect(nameForm.getByTestId("form-success")).toHaveText("Display name saved.");
  await expect(page.getByTestId("account-menu")).toHaveText("Alan T.");

  // The same account signed in on another device.
  const otherDevice = await browser.newPage();
  await signIn(otherDevice, email, oldPassword);

  const passwordForm = page.getByRole("form", { name: "Change password" });
  await passwordForm.getByLabel("Current password").fill("wrong password here");
  await passwordForm.getByLabel("New password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByTestId("form-error")).toHaveText("That password is not correct.");
  await passwordForm.getByLabel("Current password").fill(oldPassword);
  await passwordForm.getByLabel("New password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toContainText("Password changed");
  // This browser stays signed in; the other device is signed out.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Welcome, Alan T." })).toBeVisible();
  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await otherDevice.close();

  await signOut(page);
  await page.goto("/signin");
  await fillSignIn(page, email, oldPassword);
  await expect(page.getByTestId("form-error")).toBeVisible();
  await fillSignIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/account");
  const deleteForm = page.getByRole("form", { name: "Delete account" });
  await deleteForm.getByLabel("Password, to confirm").fill(newPassword);
  await deleteForm.getByRole("button", { name: "Delete my account and my data" }).click();
  await expect(page.getByTestId("account-deleted")).toBeVisible();

  await page.goto("/signin");
  await fillSignIn(page, email, newPassword);
  await expect(page.getByTestId("form-error")).toHaveText("The email or password is not correct.");
});

test("a duplicate email at sign-up gets a clear message", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Display name").fill("Copycat");
  await page.getByLabel("Email").fill(DEMO_LEARNER.email);
  await page.getByLabel("Password", { exact: true }).fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(
    "An account with this email already exists. Sign in instead.",
  );
});
