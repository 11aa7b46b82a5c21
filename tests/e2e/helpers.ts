// Steps the browser tests share: they use the pages the way a person would.
import { expect, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEMO_LEARNER = { email: "emmy@example.com", password: "practise-gradients" };
export const DEMO_TEACHER = { email: "teacher@example.com", password: "teach-calculus" };

/** What the app's own pages send with a JSON write: their origin (the JSON routes refuse others). */
export const SAME_ORIGIN = { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}` };

export function newEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function signUp(
  page: Page,
  user: { displayName: string; email: string; password: string; role?: "learner" | "teacher" },
) {
  await page.goto("/signup");
  await expect(page.getByTestId("password-rules")).toContainText("At least 10 characters");
  await page.getByLabel("Display name").fill(user.displayName);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await expect(page.getByTestId("teacher-access-note")).toContainText("ask the administrator");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  if (user.role === "teacher") {
    await expect(page.getByRole("link", { name: "Teaching" })).toHaveCount(0);
    grantRole("teacher", user.email);
    await page.reload();
  }
}

/** Teacher access is granted, never taken: what an administrator runs, `npm run user -- grant ...`. */
export function grantRole(role: "teacher" | "admin", email: string) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/user.ts", "grant", role, email],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL }, encoding: "utf8" },
  );
  expect(result.stdout).toContain(`${email} is now a`);
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await fillSignIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function signOut(page: Page) {
  await page.getByTestId("account-menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("account-menu")).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/**
 * The problem of the practice view open in `page`, as stored (key included), read from the database
 * by the test process: the page itself never gets the key.
 */
export async function storedProblem<T>(page: Page): Promise<T> {
  const id = /\/practice\/i\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`not a practice view: ${page.url()}`);
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const r = await client.query(`SELECT problem FROM "ProblemInstance" WHERE id = $1`, [id]);
    return (r.rows[0] as { problem: T }).problem;
  } finally {
    await client.end();
  }
}
