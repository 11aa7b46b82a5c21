// The daily drill in a real browser: a new learner's first session, then, days later on the test
// clock, a due review that moves further out after a right answer. Answers go through the same JSON
// route the practice page uses; the key is read from the test database (the browser never gets it).
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { SAME_ORIGIN, newEmail, signUp } from "./helpers";

const DAY = 86_400_000;

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

/** Follows the drill to its next problem and returns where it landed. */
async function nextItem(page: Page, start: () => Promise<unknown>) {
  await start();
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("next")).toBe("/today/next");
  return {
    id: url.pathname.split("/").pop()!,
    n: Number(url.searchParams.get("n")),
    of: Number(url.searchParams.get("of")),
  };
}

async function answerRight(page: Page, id: string) {
  const res = await page.request.post(`/api/practice/instances/${id}/submit`, {
    headers: SAME_ORIGIN,
    data: { clientSubmissionId: crypto.randomUUID(), answer: await keyOf(id), elapsedMs: 8000 },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    kind: string;
    feedback: { correct: boolean };
    instance: { skillId: string };
  };
  expect(body.kind).toBe("graded");
  expect(body.feedback.correct).toBe(true);
  return body.instance.skillId;
}

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.afterEach(async ({ request }) => {
  expect(
    (await request.post("/api/test/clock", { data: { offsetMs: 0 }, headers: SAME_ORIGIN })).status(),
  ).toBe(200);
});

test("a new learner's first drill, and a review that comes due days later", async ({ page }) => {
  await signUp(page, { displayName: "Ada", email: newEmail("drill"), password: "drill the gradients" });

  await page.getByRole("banner").getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(page.getByTestId("nothing-due")).toBeVisible();
  const newList = page.getByTestId("new-list");
  await expect(newList.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("session-progress")).toHaveText("0 of 2");
  await fitsPhone(page);

  // Start: the first new skill.
  const first = await nextItem(page, () => page.getByRole("link", { name: "Start today's drill" }).click());
  expect(first).toMatchObject({ n: 1, of: 2 });
  const skill = await answerRight(page, first.id);

  // "Next": the session advances; the 10-minute learning step of the same skill is due today, first.
  const second = await nextItem(page, () => page.goto("/today/next"));
  expect(second.n).toBe(2);
  expect(second.of).toBe(3);
  expect(second.id).not.toBe(first.id);
  expect(await answerRight(page, second.id)).toBe(skill);

  await page.goto("/today");
  // The skill is learned, so its dependants are unlocked: 4 more new skills (5 a day, 1 met today).
  await expect(page.getByTestId("session-progress")).toHaveText("2 of 6");
  await expect(page.getByTestId("new-list").getByRole("listitem")).toHaveCount(4);
  await expect(page.getByTestId("count-done")).toContainText("2");
  await expect(page.getByTestId("streak")).toHaveText("1-day streak");

  await page.getByRole("banner").getByRole("link", { name: "Progress" }).click();
  const mastery = page.getByTestId(`mastery-${skill}`);
  await expect(mastery).toContainText("recall");
  const firstDue = Date.parse((await mastery.getAttribute("data-due"))!);
  await expect(page.getByTestId("history").getByRole("listitem")).toHaveCount(2);
  await expect(
    page.getByTestId("history").getByRole("link", { name: "Worked solution" }).first(),
  ).toHaveAttribute("href", /\/practice\/i\/[0-9a-f-]{36}$/);
  await fitsPhone(page);

  // Three days later the skill is due for review, and comes first.
  expect(
    (
      await page.request.post("/api/test/clock", { data: { offsetMs: 3 * DAY }, headers: SAME_ORIGIN })
    ).status(),
  ).toBe(200);
  await page.goto("/today");
  await expect(page.getByTestId("due-list").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("count-due")).toContainText("1");
  const review = await nextItem(page, () => page.getByTestId("start-drill").click());
  expect(review.n).toBe(1);
  expect(await answerRight(page, review.id)).toBe(skill);

  // After a right answer its next due date is further out than the first interval.
  await page.goto("/progress");
  const laterDue = Date.parse((await page.getByTestId(`mastery-${skill}`).getAttribute("data-due"))!);
  expect(laterDue - (firstDue + DAY)).toBeGreaterThan(2 * DAY);
  await page.goto("/today");
  await expect(page.getByTestId("nothing-due")).toBeVisible();
});

test.describe("settings", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the timezone comes from the browser on a first visit; a bad value is refused; saved values shape Today", async ({
    page,
  }) => {
    await signUp(page, {
      displayName: "Kiyoshi",
      email: newEmail("settings"),
      password: "drill the gradients",
    });
    await page.getByRole("banner").getByRole("link", { name: "Settings" }).click();
    await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");
    await expect(page.getByTestId("timezone-hint")).toContainText("Taken from this browser");

    // Keyboard only: type into the field and press Enter to submit.
    await page.getByLabel("New skills per day").fill("51");
    await page.getByLabel("New skills per day").press("Enter");
    await expect(page.getByTestId("form-error")).toHaveText(
      "New skills per day must be a whole number from 0 to 50.",
    );
    await page.reload();
    await expect(page.getByLabel("New skills per day")).toHaveValue("5");

    await page.getByLabel("New skills per day").fill("1");
    await page.getByLabel("Desired retention").fill("0.85");
    await page.getByLabel("Desired retention").press("Enter");
    await expect(page.getByTestId("form-success")).toHaveText("Settings saved.");
    await page.reload();
    await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");
    await expect(page.getByTestId("timezone-hint")).not.toContainText("Taken from this browser");
    await expect(page.getByLabel("Desired retention")).toHaveValue("0.85");

    await page.goto("/today");
    await expect(page.getByTestId("new-list").getByRole("listitem")).toHaveCount(1);
    await expect(page.getByTestId("session-progress")).toHaveText("0 of 1");
  });
});
