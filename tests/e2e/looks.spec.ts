// How the main pages look at desktop and phone widths, in a real browser: Today, a problem (a long
// formula wraps instead of scrolling; the limit's picture), the session summary (each problem, what
// changed, the next review), Progress (labelled heatmap, accuracy scale), and the header's menu on a
// phone (a button with aria-expanded, Escape closes it). Screenshots go to test-results/looks-*.png.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { newEmail, signUp } from "./helpers";

async function keyOf(page: Page): Promise<string> {
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const r = await client.query<{ problem: { answer: string } }>(
      `SELECT "problem" FROM "ProblemInstance" WHERE "id" = $1`,
      [id],
    );
    return r.rows[0]!.problem.answer;
  } finally {
    await client.end();
  }
}

async function noSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const size of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`looks (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("Today, a problem, the summary, Progress and the menu", async ({ page }) => {
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/looks-${size.name}-${name}.png`, fullPage: true });
      await signUp(page, { displayName: "Lin", email: newEmail("looks"), password: "look at the pages" });

      // The header: on a phone the links hide behind a menu button; on a desktop they show.
      const menu = page.getByTestId("menu-button");
      const nav = page.getByRole("navigation", { name: "Main" });
      if (size.name === "phone") {
        await expect(menu).toBeVisible();
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav.getByRole("link", { name: "Progress" })).toBeHidden();
        await menu.focus();
        await page.keyboard.press("Enter");
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        await expect(nav.getByRole("link", { name: "Progress" })).toBeVisible();
        await noSideways(page);
        await shot("menu-open");
        await page.keyboard.press("Tab");
        await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
        await page.keyboard.press("Escape");
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(menu).toBeFocused();
        await menu.click();
        await nav.getByRole("link", { name: "Today" }).click();
        await expect(page).toHaveURL(/\/today$/);
        await expect(menu).toHaveAttribute("aria-expanded", "false");
      } else {
        await expect(menu).toBeHidden();
        await nav.getByRole("link", { name: "Today" }).click();
        await expect(page).toHaveURL(/\/today$/);
      }
      await noSideways(page);
      await shot("today");

      // A session of two problems of limits by direct substitution.
      await page.goto("/practice/skill/limit-direct-substitution?of=2");
      await page.getByTestId("start").click();
      await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
      await expect(page.getByTestId("submit")).toBeEnabled();
      // The display formula fits its column: wrapped or scaled, not cut off in a scroll box.
      const formula = page.locator(".problem .math-display").first();
      expect(await formula.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      await noSideways(page);
      await shot("problem");
      await page.getByLabel(/^Your answer/).fill(await keyOf(page));
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("outcome")).toContainText("Solved");
      // Continuous at the point: a filled point, not an open circle.
      await expect(page.getByTestId("plot").locator("circle.plot-point")).toHaveCount(1);
      await expect(page.getByTestId("plot").locator("circle.plot-hole")).toHaveCount(0);
      await noSideways(page);
      await shot("problem-finished");
      await page.getByTestId("next").click();
      await expect(page.getByTestId("session-position")).toHaveText("Problem 2 of 2");
      await expect(page.getByTestId("submit")).toBeEnabled();
      await page.getByLabel(/^Your answer/).fill("12345");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("try-again")).toBeVisible();
      await page.getByLabel(/^Your answer/).fill(await keyOf(page));
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("outcome")).toContainText("Solved");
      await page.getByTestId("next").click();

      // The summary: each problem with its result and rating, what changed, the next review.
      await expect(page).toHaveURL(/\/practice\/summary\?/);
      await expect(page.getByTestId("summary-problems").getByRole("listitem")).toHaveText([
        /Right · rated Good/,
        /Right \(2 tries\) · rated Hard/,
      ]);
      await expect(page.getByTestId("changed-limit-direct-substitution")).toContainText("New skill, now");
      await expect(page.getByTestId("next-limit-direct-substitution")).toContainText(/Next review: due/);
      await noSideways(page);
      await shot("summary");

      // Progress: the heatmap names weekdays and months; the accuracy bars have a scale.
      await page.goto("/progress");
      const heatmap = page.getByTestId("heatmap");
      await expect(heatmap.locator("text", { hasText: "Mon" })).toHaveCount(1);
      expect(await heatmap.locator("text").count()).toBeGreaterThanOrEqual(4 + 5);
      await expect(page.getByTestId("accuracy").locator("text", { hasText: "100%" })).toHaveCount(1);
      await noSideways(page);
      await shot("progress");
    });
  });
}
