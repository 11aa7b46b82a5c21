// Hardening seen from a real browser: the security headers on pages and the API, pages that still
// render KaTeX and answer to the keyboard and mouse under the Content-Security-Policy (no violation
// reported), and a copied session cookie that stops working at sign-out.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_LEARNER, DEMO_TEACHER, signIn, signOut } from "./helpers";

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

test("pages and API answer with the security headers", async ({ page, request }) => {
  const response = (await page.goto("/signin"))!;
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // A fresh nonce for every page.
  const again = (await page.goto("/signin"))!.headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);
});

test("under the policy, a problem page renders KaTeX and works, with no violation reported", async ({
  page,
}) => {
  const violations = watchCsp(page);
  await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await page.goto("/practice");
  await page
    .getByRole("button", { name: /The power rule/ })
    .first()
    .click();
  // The display formula and the statement's function are typeset.
  await expect(page.locator(".problem .math-display .katex-mathml math")).toHaveCount(1);
  await expect(page.locator(".problem .katex-html").first()).toBeVisible();
  // Client code runs: the answer box previews what is typed, the theme switch works.
  await page.getByLabel(/^Your answer/).fill("3x^2");
  await expect(page.getByTestId("answer-preview")).toContainText("Read as");
  const before = await page.evaluate(() => document.documentElement.dataset.theme ?? "");
  await page.getByRole("button", { name: /Switch to the (dark|light) theme/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? "")).not.toBe(before);
  expect(violations).toEqual([]);
});

test("a session cookie copied before sign-out no longer works after it; a new sign-in does", async ({
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, DEMO_LEARNER.email, DEMO_LEARNER.password);
  const copied = await owner.context().storageState();

  const thief = await browser.newContext({ storageState: copied });
  const before = await thief.request.get("/api/auth/session");
  expect(((await before.json()) as { user?: { email?: string } } | null)?.user?.email).toBe(
    DEMO_LEARNER.email,
  );

  await signOut(owner);
  const after = await thief.request.get("/api/auth/session");
  expect(await after.json()).toBeNull();
  const page = await thief.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(owner, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await expect(owner.getByTestId("account-menu")).toBeVisible();
});

test("a teacher's reset link appears on the page, never in the address", async ({ page }) => {
  await signIn(page, DEMO_TEACHER.email, DEMO_TEACHER.password);
  await page.goto("/teacher");
  await page.getByRole("link", { name: /Demo class/ }).click();
  await page.getByRole("button", { name: /Password reset link for Ada/ }).click();
  const link = page.getByTestId("reset-link");
  await expect(link).toContainText("/reset/");
  const token = (await link.locator("code").innerText()).split("/reset/")[1]!;
  expect(token.length).toBeGreaterThan(20);
  expect(page.url()).not.toContain(token);
  expect(page.url()).not.toContain("reset=");
});

test("a graded answer, which the app's server answers before Next.js, keeps the server's guards", async ({
  page,
}) => {
  await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
  const origin = new URL(page.url()).origin;
  const started = await page.request.post("/api/practice/start", {
    data: { skillId: "derivative-power-rule" },
    headers: { origin },
  });
  expect(started.status()).toBe(200);
  const { id } = (await started.json()) as { id: string };
  const path = `/api/practice/instances/${id}/submit`;

  // Positive control: a well-formed answer is graded, with the security headers of every response.
  const graded = await page.request.post(path, {
    data: { clientSubmissionId: crypto.randomUUID(), answer: "1", elapsedMs: 2000 },
    headers: { origin },
  });
  expect(graded.status()).toBe(200);
  expect(((await graded.json()) as { kind: string }).kind).toBe("graded");
  expect(graded.headers()["x-content-type-options"]).toBe("nosniff");
  expect(graded.headers()["cache-control"]).toBe("no-store");

  // Another site's request is refused before any work.
  const forged = await page.request.post(path, {
    data: { clientSubmissionId: crypto.randomUUID(), answer: "1", elapsedMs: 2000 },
    headers: { origin: "http://evil.example" },
  });
  expect(forged.status()).toBe(403);

  // A body sent without a declared length is cut off at 64 KiB.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(
      `${origin}${path}`,
      { method: "POST", headers: { cookie, origin, "content-type": "application/json" } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.write(`{"clientSubmissionId":"${crypto.randomUUID()}","answer":"`);
    request.write("x".repeat(70 * 1024));
    request.end(`","elapsedMs":1}`);
  });
  expect(status).toBe(413);

  const view = await page.request.get(`/api/practice/instances/${id}`);
  expect(((await view.json()) as { triesUsed: number }).triesUsed).toBe(1);
});
