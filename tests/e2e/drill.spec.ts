// The daily drill in a real browser, at desktop and phone sizes: a new learner's whole first day (the
// drill fixed when it starts, its finish screen, nothing more offered as due, one more after it), then,
// days later on the test clock, a due review worded as Progress words it, which moves further out
// after a right answer. Answers go through the same JSON
// route the practice page uses; the key is read from the test database (the browser never gets it).
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { SAME_ORIGIN, newEmail, signIn, signUp } from "./helpers";

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

/** Waits for the practice view of the drill's next problem and returns where it is. */
async function atItem(page: Page) {
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("next")).toBe("/today/drill");
  return {
    id: url.pathname.split("/").pop()!,
    n: Number(url.searchParams.get("n")),
    of: Number(url.searchParams.get("of")),
  };
}

/** Answers the open problem right (through the JSON route), then goes on with the page's "Next". */
async function answerAndGoOn(page: Page, id: string) {
  const skill = await answerRight(page, id);
  await page.reload();
  await page.getByTestId("next").click();
  return skill;
}

async function moveClock(page: Page, offsetMs: number) {
  expect(
    (await page.request.post("/api/test/clock", { data: { offsetMs }, headers: SAME_ORIGIN })).status(),
  ).toBe(200);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/drill-${name}.png`, fullPage: true });
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
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

test.afterEach(async ({ request }) => {
  expect(
    (await request.post("/api/test/clock", { data: { offsetMs: 0 }, headers: SAME_ORIGIN })).status(),
  ).toBe(200);
});

for (const size of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`a whole day (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, timezoneId: "Europe/Paris" });

    test("the drill is fixed when it starts, ends on its finish screen, and nothing more is offered as due", async ({
      page,
    }) => {
      await signUp(page, { displayName: "Ada", email: newEmail("day"), password: "drill the gradients" });
      await page.goto("/today");
      await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
      await expect(page.getByTestId("nothing-due")).toBeVisible();
      const promised = await page.getByTestId("new-list").getByRole("listitem").allTextContents();
      expect(promised).toHaveLength(2);
      await expect(page.getByTestId("session-progress")).toHaveText("0 of 2");
      await fitsPhone(page);
      await shot(page, `${size.name}-today`);

      // Start (a POST): the first new skill, "1 of 2".
      await page.getByTestId("start-drill").click();
      const first = await atItem(page);
      expect(first).toMatchObject({ n: 1, of: 2 });
      await expect(page.getByTestId("session-position")).toHaveText("Problem 1 of 2");
      await shot(page, `${size.name}-problem`);
      // Eleven minutes later the first skill's learning step is due, but the drill does not grow.
      await moveClock(page, 11 * 60_000);
      const firstSkill = await answerAndGoOn(page, first.id);
      const second = await atItem(page);
      expect(second).toMatchObject({ n: 2, of: 2 });
      expect(second.id).not.toBe(first.id);
      await page.goto("/today");
      await expect(page.getByTestId("session-progress")).toHaveText("1 of 2");
      await expect(page.getByTestId("new-list").getByRole("listitem")).toHaveText([
        `${promised[0]} · done`,
        promised[1]!,
      ]);
      await page.getByTestId("start-drill").click();
      expect((await atItem(page)).id).toBe(second.id);
      const secondSkill = await answerAndGoOn(page, second.id);
      expect(secondSkill).not.toBe(firstSkill);

      // The finish screen: each problem and its result, what comes due by tomorrow, the streak.
      await expect(page).toHaveURL(/\/today\/drill$/);
      await expect(page.getByRole("heading", { name: "Today's drill is done", level: 1 })).toBeVisible();
      await expect(page.getByTestId("drill-done")).toContainText("2 of 2 problems finished, 2 right");
      await expect(page.getByTestId("drill-result")).toHaveCount(2);
      await expect(page.getByTestId("drill-results")).toContainText(promised[0]!);
      await expect(page.getByTestId("drill-results")).toContainText(promised[1]!);
      await expect(page.getByTestId("streak")).toHaveText("1-day streak");
      await expect(page.getByTestId("tomorrow").getByRole("listitem")).toHaveCount(2);
      await fitsPhone(page);
      await shot(page, `${size.name}-finish`);

      // Today offers nothing more as due: no due list, no drill to start, the count stays 2 of 2.
      await page.goto("/today");
      await expect(page.getByTestId("all-done")).toBeVisible();
      await expect(page.getByTestId("session-progress")).toHaveText("2 of 2");
      await expect(page.getByTestId("due-list")).toHaveCount(0);
      await expect(page.getByTestId("start-drill")).toHaveCount(0);
      await expect(page.getByTestId("new-list")).toHaveCount(0);
      await fitsPhone(page);
      await shot(page, `${size.name}-today-done`);

      // One more (a POST): extra practice after the drill, not counted in it.
      await page.getByTestId("one-more").click();
      const extra = await atItem(page);
      expect(extra).toMatchObject({ n: 1, of: 1 });
      // Read as a problem beyond the day's drill, not "Problem 1 of 1".
      await expect(page.getByTestId("session-position")).toHaveText("Extra problem, beyond today's drill");
      await expect(page.getByRole("progressbar")).toHaveCount(0);
      await answerAndGoOn(page, extra.id);
      await expect(page).toHaveURL(/\/today\/drill$/);
      await expect(page.getByTestId("extra-results").getByRole("listitem")).toHaveCount(1);
      await expect(page.getByTestId("drill-done")).toContainText("2 of 2 problems finished");
      await page.goto("/today");
      await expect(page.getByTestId("session-progress")).toHaveText("2 of 2");
      await expect(page.getByTestId("start-drill")).toHaveCount(0);

      // Three days later: a new day's drill, reviews first, worded as Progress words them.
      await moveClock(page, 3 * DAY);
      await page.goto("/today");
      await expect(page.getByTestId("session-progress")).toHaveText(/^0 of \d+$/);
      const dueText = (await page.getByTestId(`due-${firstSkill}`).textContent())!;
      expect(dueText).toMatch(/^(due now|overdue \d+ days?) · recall \d+%$/);
      await page.goto("/progress");
      const mastery = page.getByTestId(`mastery-${firstSkill}`);
      const [label, recall] = dueText.split(" · ");
      await expect(mastery).toContainText(`${recall} · ${label}`);
      const dueBefore = async (skill: string) =>
        Date.parse((await page.getByTestId(`mastery-${skill}`).getAttribute("data-due"))!);
      const before = {
        [firstSkill]: await dueBefore(firstSkill),
        [secondSkill]: await dueBefore(secondSkill),
      };
      await page.goto("/today");
      await page.getByTestId("start-drill").click();
      const review = await atItem(page);
      expect(review.n).toBe(1);
      const reviewed = await answerRight(page, review.id);
      expect([firstSkill, secondSkill]).toContain(reviewed);
      // After a right answer its next due date is well past the first interval.
      await page.goto("/progress");
      expect((await dueBefore(reviewed)) - before[reviewed]!).toBeGreaterThan(2 * DAY);
    });
  });
}

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
    // Taken from the browser at sign-up (a hidden field), and Settings says so.
    await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");
    await expect(page.getByTestId("timezone-hint")).toContainText(
      "Taken from your browser when you signed in",
    );

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
    await expect(page.getByTestId("timezone-hint")).not.toContainText("Taken from");
    await expect(page.getByLabel("Desired retention")).toHaveValue("0.85");

    await page.goto("/today");
    await expect(page.getByTestId("new-list").getByRole("listitem")).toHaveCount(1);
    await expect(page.getByTestId("session-progress")).toHaveText("0 of 1");
  });

  test("signing in from a browser in another timezone sets it while the account's is still UTC", async ({
    browser,
  }) => {
    const email = newEmail("tz-signin");
    const password = "drill the gradients";
    const utc = await browser.newContext({ timezoneId: "UTC" });
    await signUp(await utc.newPage(), { displayName: "Grace", email, password });
    await utc.close();

    const lima = await browser.newContext({ timezoneId: "America/Lima" });
    const page = await lima.newPage();
    await signIn(page, email, password);
    await page.goto("/settings");
    await expect(page.getByLabel("Timezone")).toHaveValue("America/Lima");
    await expect(page.getByTestId("timezone-hint")).toContainText(
      "Taken from your browser when you signed in",
    );
    await lima.close();

    // Once it is no longer the default, a sign-in from elsewhere leaves it.
    const paris = await browser.newContext({ timezoneId: "Europe/Paris" });
    const again = await paris.newPage();
    await signIn(again, email, password);
    await again.goto("/settings");
    await expect(again.getByLabel("Timezone")).toHaveValue("America/Lima");
    await expect(again.getByTestId("timezone-hint")).toContainText(
      "Taken from your browser when you signed in",
    );
    await paris.close();
  });
});
