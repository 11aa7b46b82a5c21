// The placement check in a real browser, at desktop and phone sizes: offered on Today to a new
// learner, one question at a time in the practice view (one try, no hint, no answer before it is
// finished), the check's page between questions with its progress, stopping early, and what it
// marked. Answers go through the practice page's JSON route; the key is read from the test database.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { SAME_ORIGIN, newEmail, signUp } from "./helpers";

async function keyOf(instanceId: string): Promise<string | string[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const r = await client.query<{ problem: { answer: string | string[] } }>(
      `SELECT "problem" FROM "ProblemInstance" WHERE "id" = $1`,
      [instanceId],
    );
    return r.rows[0]!.problem.answer;
  } finally {
    await client.end();
  }
}

async function answer(page: Page, id: string, right: boolean) {
  const key = await keyOf(id);
  const wrong = Array.isArray(key) ? key.map(() => "12345") : "12345";
  const res = await page.request.post(`/api/practice/instances/${id}/submit`, {
    headers: SAME_ORIGIN,
    data: { clientSubmissionId: crypto.randomUUID(), answer: right ? key : wrong, elapsedMs: 8000 },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { kind: string; feedback: { correct: boolean } };
  expect(body).toMatchObject({ kind: "graded", feedback: { correct: right } });
}

/** Waits for a placement question in the practice view and returns its instance id. */
async function atQuestion(page: Page, n: number) {
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
  await expect(page.getByTestId("session-position")).toHaveText(
    `Placement check: question ${n} of at most 12`,
  );
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function fitsPhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const size of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`the placement check (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("offered on Today, one question at a time, stopped early, marks what was shown", async ({
      page,
    }) => {
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/placement-${size.name}-${name}.png`, fullPage: true });
      await signUp(page, {
        displayName: "Grace",
        email: newEmail("placed"),
        password: "place me in part one",
      });
      await page.goto("/today");
      await expect(page.getByTestId("placement-offer")).toBeVisible();
      await fitsPhone(page);
      await shot("today");

      // Start (a POST): the first question, in the practice view, with no hint and no answer to show.
      await page.getByTestId("placement-offer").getByTestId("placement-start").click();
      const first = await atQuestion(page, 1);
      await expect(page.getByTestId("submit")).toBeVisible();
      await expect(page.getByRole("button", { name: /Hint/ })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Show me the answer" })).toHaveCount(0);
      await expect(page.getByTestId("key")).toHaveCount(0);
      await expect(page.getByText("Try 1 of 1")).toBeVisible();
      await fitsPhone(page);
      await shot("question");

      // Right: the worked solution, then back to the check, which shows the progress and what is known.
      await answer(page, first, true);
      await page.reload();
      await expect(page.getByTestId("outcome")).toHaveText("Right. Here is the worked solution.");
      await expect(page.getByTestId("key")).toBeVisible();
      await page.getByTestId("next").click();
      await expect(page).toHaveURL(/\/placement$/);
      await expect(page.getByTestId("placement-progress")).toHaveText("1 of at most 12");
      const known = await page.getByTestId("placement-known").getByRole("listitem").count();
      expect(known).toBeGreaterThan(5);
      await fitsPhone(page);
      await shot("between");

      // A wrong answer on the second: the check says so, and nothing more is known.
      await page.getByTestId("placement-next").click();
      const second = await atQuestion(page, 2);
      await answer(page, second, false);
      await page.reload();
      await expect(page.getByTestId("outcome")).toContainText("Not right this time");
      await page.getByTestId("next").click();
      await expect(page.getByTestId("placement-progress")).toHaveText("2 of at most 12");
      await expect(page.getByTestId("placement-questions").getByRole("listitem")).toHaveCount(2);
      await expect(page.getByTestId("placement-known").getByRole("listitem")).toHaveCount(known);

      // Stop early (a POST): the result names every skill marked known.
      await page.getByTestId("placement-finish").click();
      await expect(page).toHaveURL(/\/placement\?finished=1$/);
      await expect(page.getByTestId("placement-marked-count")).toContainText(`Marked ${known} skills known`);
      await expect(page.getByTestId("placement-marked").getByRole("listitem")).toHaveCount(known);
      await fitsPhone(page);
      await shot("result");

      // Today no longer offers it, and the marked skills are not in today's drill.
      await page.goto("/today");
      await expect(page.getByTestId("placement-offer")).toHaveCount(0);
      await expect(page.getByTestId("nothing-due")).toBeVisible();
      // Progress counts them as learned.
      await page.goto("/progress");
      await expect(page.getByText(`${known}`, { exact: true }).first()).toBeVisible();
      await shot("progress");
    });
  });
}
