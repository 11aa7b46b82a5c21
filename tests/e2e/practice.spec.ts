// Practice end to end: a learner opens skills, answers wrong and right, sees the reading of what they
// type, the verdict, the worked solution and the picture. The right answers come from the database in
// this test process (the instance as issued), never from the browser, which does not get the key.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { newEmail, signUp } from "./helpers";

interface StoredProblem {
  answer: string | string[];
  vars: string[];
  kind: string;
  given: { f?: string };
  detail?: Record<string, string>;
}

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function instanceIdOf(page: Page): string {
  const m = /\/practice\/i\/([0-9a-f-]{36})/.exec(page.url());
  if (!m) throw new Error(`not a practice view: ${page.url()}`);
  return m[1]!;
}

async function problemOf(page: Page): Promise<StoredProblem> {
  const rows = await query<{ problem: StoredProblem }>(
    `SELECT problem FROM "ProblemInstance" WHERE id = $1`,
    [instanceIdOf(page)],
  );
  return rows[0]!.problem;
}

async function recorded(page: Page) {
  const id = instanceIdOf(page);
  const [s] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Submission" WHERE "instanceId" = $1`, [
    id,
  ]);
  const [r] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Review" WHERE "instanceId" = $1`, [id]);
  const [i] = await query<{ triesUsed: number; outcome: string | null }>(
    `SELECT "triesUsed", outcome FROM "ProblemInstance" WHERE id = $1`,
    [id],
  );
  return { submissions: Number(s!.n), reviews: Number(r!.n), triesUsed: i!.triesUsed, outcome: i!.outcome };
}

async function newLearner(page: Page, name = "Ada") {
  await signUp(page, { displayName: name, email: newEmail("practice"), password: "practise all day" });
}

/** Opens a skill's start page (which issues nothing) and starts it with its button. */
async function startFromPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("start-page")).toBeVisible();
  await page.getByTestId("start").click();
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
}

async function openSkill(page: Page, title: string) {
  await page.goto("/practice");
  await page.getByRole("button", { name: title, exact: false }).first().click();
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
  await interactive(page);
}

/** The practice view is hydrated: its submit button is enabled only then. */
async function interactive(page: Page) {
  await expect(page.getByTestId("statement")).toBeVisible();
  await expect(page.getByTestId("submit")).toBeEnabled();
}

const answerBox = (page: Page) => page.getByLabel(/^Your answer/);
const verdict = (page: Page) => page.getByTestId("verdict");

test("a learner answers a tangent line wrong (diagnosis, counterexample), then right (solution, picture), and goes on", async ({
  page,
}) => {
  await newLearner(page);
  await page.getByTestId("dashboard-practice").click();
  await expect(page).toHaveURL(/\/practice$/);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Limits" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The multivariable chain rule" })).toBeVisible();
  await expect(page.getByTestId("practised-count")).toHaveCount(0);

  await openSkill(page, "Equation of the tangent line");
  await expect(page).toHaveURL(/n=1&of=5/);
  await expect(page.getByTestId("session-position")).toHaveText("Problem 1 of 5");
  // The statement is typeset on the server with MathML for screen readers: the display formula, and
  // the curve and the point in the sentence (not code notation).
  await expect(page.locator(".problem .math-display .katex-mathml math")).toHaveCount(1);
  await expect(page.getByTestId("statement").locator(".katex-mathml math")).toHaveCount(2);
  const p = await problemOf(page);
  // The key is not in the page before the problem is finished (unless the statement itself happens
  // to contain the same text, e.g. a key "x + 1" for f(x) = ln(x + 1)).
  const key = String(p.answer);
  if (!String(p.given.f).includes(key)) expect(await page.content()).not.toContain(key);

  await answerBox(page).fill(p.detail!.derivative!);
  await expect(page.getByTestId("answer-preview")).toContainText("Read as");
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(verdict(page)).toHaveAttribute("data-status", "wrong");
  await expect(page.getByTestId("diagnosis")).toContainText("That is the derivative");
  await expect(page.getByTestId("counterexample")).toContainText("the correct value is");
  await expect(page.getByTestId("try-again")).toHaveText("You have one more try.");
  await expect(page.getByTestId("finished")).toHaveCount(0);
  expect(await recorded(page)).toMatchObject({ submissions: 1, reviews: 0, triesUsed: 1 });

  await answerBox(page).fill(`y = ${String(p.answer)}`);
  await answerBox(page).press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "right");
  await expect(page.getByTestId("outcome")).toContainText("Solved");
  await expect(page.getByTestId("solution").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByTestId("key").locator(".katex-mathml math")).toHaveCount(1);
  const plot = page.getByTestId("plot").getByRole("img");
  await expect(plot).toBeVisible();
  await expect(plot).toHaveAccessibleName(/tangent line/);
  await expect(page.getByTestId("plot").locator(".plot-tangent")).toHaveCount(1);
  expect(await recorded(page)).toMatchObject({ submissions: 2, reviews: 1, triesUsed: 2, outcome: "right" });

  // Report this grading: a small dialog, a comment, a confirmation, one stored report.
  await page.getByRole("button", { name: "Report this grading" }).click();
  const dialog = page.getByRole("dialog", { name: "Report this grading" });
  await dialog.getByLabel("What is wrong?").fill("The first message was confusing.");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByTestId("report-sent")).toBeVisible();
  const reports = await query<{ comment: string }>(
    `SELECT comment FROM "GradingReport" WHERE "instanceId" = $1`,
    [instanceIdOf(page)],
  );
  expect(reports.map((r) => r.comment)).toEqual(["The first message was confusing."]);

  const first = instanceIdOf(page);
  await page.getByRole("button", { name: "Next problem (2 of 5)" }).click();
  await expect(page).toHaveURL(/n=2&of=5/);
  expect(instanceIdOf(page)).not.toBe(first);
  await expect(page.getByTestId("session-position")).toHaveText("Problem 2 of 5");

  await page.goto("/practice");
  await expect(page.getByTestId("skill-tangent-line")).toContainText("practised 1 time");
  await expect(page.getByTestId("practised-count")).toContainText("1 skill");

  // Mixed practice draws from the skills practised so far: here only the tangent line.
  await page.getByRole("button", { name: "Start mixed practice" }).click();
  await expect(page).toHaveURL(/n=1&of=5&skill=mixed/);
  await interactive(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Equation of the tangent line");
});

test("a GET issues nothing: the start page and a prefetch leave no problem; its button issues one", async ({
  page,
}) => {
  const email = newEmail("get");
  await signUp(page, { displayName: "Gus", email, password: "practise all day" });
  const problems = async () =>
    Number(
      (
        await query<{ n: string }>(
          `SELECT count(*) AS n FROM "ProblemInstance" i JOIN "User" u ON u.id = i."userId" WHERE u.email = $1`,
          [email],
        )
      )[0]!.n,
    );
  await page.goto("/practice/skill/derivative-power-rule?of=3");
  await page.reload();
  await page.request.get("/practice/skill/derivative-power-rule?of=3");
  await page.request.get("/practice/skill/mixed");
  await page.goto("/practice");
  expect(await problems()).toBe(0);
  await page.goto("/practice/skill/derivative-power-rule?of=3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The power rule");
  await page.getByTestId("start").click();
  await expect(page.getByTestId("session-position")).toHaveText("Problem 1 of 3");
  expect(await problems()).toBe(1);
});

test("a malformed answer shows where it could not be read and records nothing", async ({ page }) => {
  await newLearner(page);
  await openSkill(page, "The power rule");
  await answerBox(page).fill("3x^2 +* 2");
  await expect(page.getByTestId("parse-error")).toBeVisible();
  await expect(page.getByTestId("parse-echo").locator("mark")).toHaveText("*");
  await expect(answerBox(page)).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(verdict(page)).toHaveAttribute("data-status", "invalid");
  await expect(verdict(page)).toContainText("Nothing was recorded");
  await expect(page.getByText("Try 1 of 2")).toBeVisible();
  expect(await recorded(page)).toMatchObject({ submissions: 0, reviews: 0, triesUsed: 0 });
  // An ambiguous reading is shown with a warning before anything is sent.
  await answerBox(page).fill("1/2x");
  await expect(page.getByTestId("parse-warning").first()).toBeVisible();
});

test("a limit: special answers by button, a wrong DNE, a parse error, then the value with the picture of the hole", async ({
  page,
}) => {
  await newLearner(page);
  await openSkill(page, "Removable discontinuities: factor and cancel");
  const p = await problemOf(page);
  await page.getByRole("button", { name: "Minus infinity" }).click();
  await expect(answerBox(page)).toHaveValue("-inf");
  await page.getByRole("button", { name: /DNE/ }).click();
  await expect(answerBox(page)).toHaveValue("DNE");
  await expect(answerBox(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "wrong");
  await expect(page.getByTestId("verdict-message")).toContainText("this limit does exist");

  await answerBox(page).fill("(2 + ");
  await expect(page.getByTestId("parse-error")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "invalid");
  expect(await recorded(page)).toMatchObject({ submissions: 1, triesUsed: 1 });

  await answerBox(page).fill(String(p.answer));
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "right");
  await expect(page.getByTestId("solution")).toBeVisible();
  await expect(page.getByTestId("plot").locator(".plot-hole")).toHaveCount(1);
  expect(await recorded(page)).toMatchObject({ submissions: 2, reviews: 1, outcome: "right" });
});

test("a partial derivative: a sign mistake is named with a counterexample, then the right answer", async ({
  page,
}) => {
  await newLearner(page);
  await openSkill(page, "Partial derivatives of f(x, y)");
  const p = await problemOf(page);
  await answerBox(page).fill(`-(${String(p.answer)})`);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("diagnosis")).toBeVisible();
  await expect(page.getByTestId("counterexample")).toContainText("the correct value is");
  await answerBox(page).fill("x +");
  await expect(page.getByTestId("parse-error")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "invalid");
  await answerBox(page).fill(String(p.answer));
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "right");
  await expect(page.getByTestId("solution")).toBeVisible();
  expect(await recorded(page)).toMatchObject({ submissions: 2, reviews: 1, outcome: "right" });
});

test("a gradient: one labelled field per component, swapped components named, the whole vector typed in the first field", async ({
  page,
}) => {
  await newLearner(page);
  await openSkill(page, "The gradient at a point");
  const p = await problemOf(page);
  const answer = p.answer as string[];
  const swapped = [...answer].reverse();
  const same = swapped.every((a, i) => a === answer[i]);
  for (const [i, v] of p.vars.entries()) await page.getByLabel(`∂f/∂${v}`).fill(same ? "12345" : swapped[i]!);
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(verdict(page)).toHaveAttribute("data-status", "wrong");
  if (!same) await expect(page.getByTestId("diagnosis")).toContainText("wrong order");

  await page.getByLabel(`∂f/∂${p.vars[0]}`).fill("(1, ");
  await expect(page.getByTestId("parse-error").first()).toBeVisible();
  for (const v of p.vars.slice(1)) await page.getByLabel(`∂f/∂${v}`).fill("");
  await page.getByLabel(`∂f/∂${p.vars[0]}`).fill(`(${answer.join(", ")})`);
  // The other fields are read from the first one.
  await expect(page.getByLabel(`∂f/∂${p.vars[1]}`)).toBeDisabled();
  await page.getByLabel(`∂f/∂${p.vars[0]}`).press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "right");
  await expect(page.getByTestId("solution")).toBeVisible();
  if (p.vars.length === 2) await expect(page.getByTestId("plot").locator(".plot-arrow")).toHaveCount(1);
  else await expect(page.getByTestId("plot")).toHaveCount(0);
  expect(await recorded(page)).toMatchObject({ submissions: 2, reviews: 1, outcome: "right" });
});

test("show me the answer, after a confirmation, ends the problem with its key", async ({ page }) => {
  await newLearner(page);
  await openSkill(page, "The power rule");
  await page.getByRole("button", { name: "Show me the answer" }).click();
  await expect(page.getByRole("button", { name: "Yes, show the answer" })).toBeFocused();
  await page.getByRole("button", { name: "Keep trying" }).click();
  await expect(answerBox(page)).toBeFocused();
  expect(await recorded(page)).toMatchObject({ reviews: 0, outcome: null });
  await page.getByRole("button", { name: "Show me the answer" }).click();
  await page.getByRole("button", { name: "Yes, show the answer" }).click();
  await expect(page.getByTestId("outcome")).toContainText("The answer was shown");
  await expect(page.getByTestId("key")).toBeVisible();
  await expect(page.getByTestId("solution")).toBeVisible();
  await expect(page.getByRole("form", { name: "Answer" })).toHaveCount(0);
  expect(await recorded(page)).toMatchObject({ submissions: 0, reviews: 1, outcome: "revealed" });
});

test("keyboard only: Enter submits, Enter again goes on; a hint is recorded", async ({ page }) => {
  await newLearner(page);
  await openSkill(page, "The power rule");
  await expect(page).toHaveURL(/n=1&of=5/);
  const p = await problemOf(page);
  await expect(answerBox(page)).toBeFocused();
  // Tab order: the answer, the submit button, the hint.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Check answer" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Hint/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("hint")).toBeVisible();
  await expect(answerBox(page)).toBeFocused();
  await page.keyboard.type(String(p.answer));
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "right");
  await expect(page.getByTestId("next")).toBeFocused();
  const first = instanceIdOf(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/n=2&of=5/);
  expect(instanceIdOf(page)).not.toBe(first);
  await interactive(page);
  await expect(answerBox(page)).toBeFocused();
  const [review] = await query<{ rating: string; hintUsed: boolean }>(
    `SELECT rating, "hintUsed" FROM "Review" WHERE "instanceId" = $1`,
    [first],
  );
  expect(review).toEqual({ rating: "Hard", hintUsed: true });
});

test("a submission lost on the way back is resent with the same id and recorded once", async ({ page }) => {
  await newLearner(page);
  await openSkill(page, "The power rule");
  const p = await problemOf(page);
  const ids: string[] = [];
  await page.route("**/submit", async (route) => {
    ids.push(
      (JSON.parse(route.request().postData() ?? "{}") as { clientSubmissionId: string }).clientSubmissionId,
    );
    if (ids.length === 1) {
      // The server records the try, but the answer never reaches the page.
      await route.fetch();
      await route.abort("connectionreset");
    } else await route.continue();
  });
  await answerBox(page).fill(`${String(p.answer)} + 1`);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("request-problem")).toContainText("could not be reached");
  expect(await recorded(page)).toMatchObject({ submissions: 1 });
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "wrong");
  expect(ids).toHaveLength(2);
  expect(ids[1]).toBe(ids[0]);
  expect(await recorded(page)).toMatchObject({ submissions: 1, triesUsed: 1 });
});

test("next= sends Next to a page on this site only; another learner's problem is not found", async ({
  page,
  browser,
}) => {
  await newLearner(page);
  await openSkill(page, "The power rule");
  const view = page.url().split("?")[0]!;
  await page.goto(`${view}?next=/dashboard&n=3&of=12`);
  await expect(page.getByTestId("session-position")).toHaveText("Problem 3 of 12");
  await interactive(page);
  const mine = page.url();
  await page.getByRole("button", { name: "Show me the answer" }).click();
  await page.getByRole("button", { name: "Yes, show the answer" }).click();
  await expect(page.getByTestId("next")).toHaveAttribute("href", "/dashboard");

  await openSkill(page, "The power rule");
  await page.goto(`${page.url().split("?")[0]}?next=//evil.example/x`);
  await interactive(page);
  await page.getByRole("button", { name: "Show me the answer" }).click();
  await page.getByRole("button", { name: "Yes, show the answer" }).click();
  // Not the other site: "Another problem", a button that starts one (a POST, not a link).
  await expect(page.getByTestId("next")).toHaveText("Another problem");
  await expect(page.getByTestId("next")).not.toHaveAttribute("href");

  await page.goto("/practice/skill/no-such-skill");
  await expect(page.getByTestId("practice-error")).toContainText("no such skill");

  const other = await browser.newPage();
  await newLearner(other, "Bea");
  const response = await other.goto(mine);
  expect(response?.status()).toBe(404);
  await expect(other.getByTestId("statement")).toHaveCount(0);
  await other.close();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the practice view fits 390px and has keys for what phones make hard to type", async ({ page }) => {
    await newLearner(page);
    await page.goto("/practice");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await openSkill(page, "The power rule");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const keys = page.getByTestId("math-keys");
    await expect(keys).toBeVisible();
    await answerBox(page).fill("x");
    await keys.getByRole("button", { name: "Insert power" }).tap();
    await keys.getByRole("button", { name: "Insert square root" }).tap();
    // Balanced brackets with the caret inside.
    await expect(answerBox(page)).toHaveValue("x^sqrt()");
    await page.keyboard.type("2");
    await expect(answerBox(page)).toHaveValue("x^sqrt(2)");
    // A selection is wrapped: select x+1, press the square root.
    await answerBox(page).fill("3*x+1");
    await answerBox(page).evaluate((el: HTMLInputElement) => el.setSelectionRange(2, 5));
    await keys.getByRole("button", { name: "Insert square root" }).tap();
    await expect(answerBox(page)).toHaveValue("3*sqrt(x+1)");
    await page.keyboard.type("+1");
    await expect(answerBox(page)).toHaveValue("3*sqrt(x+1)+1");
    await answerBox(page).fill("");
    await keys.getByRole("button", { name: "Insert absolute value" }).tap();
    await expect(answerBox(page)).toBeFocused();
    await page.keyboard.type("x");
    await expect(answerBox(page)).toHaveValue("|x|");
    await expect(page.getByTestId("answer-preview")).toContainText("Read as");
  });
});

test("a session ends with its summary; a signed-out start goes through sign-in and comes back", async ({
  page,
}) => {
  const email = newEmail("session");
  await signUp(page, { displayName: "Cy", email, password: "practise all day" });
  await startFromPage(page, "/practice/skill/derivative-power-rule?of=2");
  await expect(page.getByTestId("session-position")).toHaveText("Problem 1 of 2");
  await interactive(page);
  const p = await problemOf(page);
  await answerBox(page).fill(String(p.answer));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("next")).toHaveText("Next problem (2 of 2)");
  await expect(page.getByTestId("next")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("session-position")).toHaveText("Problem 2 of 2");
  await interactive(page);
  await page.getByRole("button", { name: "Show me the answer" }).click();
  await page.getByRole("button", { name: "Yes, show the answer" }).click();
  await page.getByTestId("next").click();
  await expect(page).toHaveURL(/\/practice\/summary\?/);
  await expect(page.getByTestId("summary-score")).toHaveText("1 of 2 right.");
  await expect(page.getByTestId("summary-problems").getByRole("listitem")).toHaveText([
    /Right · rated Good/,
    /Answer shown · rated Again/,
  ]);
  // What changed for the skill, and when it comes back (worded as Today and Progress word it).
  await expect(page.getByTestId("changed-derivative-power-rule")).toHaveText(/^New skill, now /);
  await expect(page.getByTestId("next-derivative-power-rule")).toContainText("Next review: due");

  await page.context().clearCookies();
  await page.goto("/practice/skill/tangent-line?of=5");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("practise all day");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Back on the skill's start page, which issued nothing: the learner starts the session.
  await expect(page).toHaveURL(/\/practice\/skill\/tangent-line\?of=5$/);
  await expect(page.getByTestId("start-session")).toHaveText("A session of 5 problems.");
  await page.getByTestId("start").click();
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?n=1&of=5&skill=tangent-line/);
  await expect(page.getByTestId("statement")).toContainText("tangent line");
});

test("a database that is not answering: the learner is told, nothing is recorded, the retry goes through once", async ({
  page,
}) => {
  await newLearner(page);
  await openSkill(page, "The power rule");
  const p = await problemOf(page);
  const ids: string[] = [];
  await page.route("**/submit", async (route) => {
    ids.push(
      (JSON.parse(route.request().postData() ?? "{}") as { clientSubmissionId: string }).clientSubmissionId,
    );
    if (ids.length === 1) {
      // What the route frame answers when PostgreSQL is down (lib/server/route-frame.ts).
      await route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "DATABASE_UNAVAILABLE",
            message: "The database is not answering; nothing was saved. Try again in a moment.",
          },
        }),
      });
    } else await route.continue();
  });
  await answerBox(page).fill(String(p.answer));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("request-problem")).toContainText("The database is not answering");
  await expect(answerBox(page)).toBeFocused();
  expect(await recorded(page)).toMatchObject({ submissions: 0 });
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toHaveAttribute("data-status", "right");
  await expect(page.getByTestId("request-problem")).toHaveCount(0);
  expect(ids).toHaveLength(2);
  expect(ids[1]).toBe(ids[0]);
  expect(await recorded(page)).toMatchObject({ submissions: 1, reviews: 1 });
});
