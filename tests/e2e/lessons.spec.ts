// Lessons and hints in steps, in the browser: a lesson opens from the catalogue and from a problem, with
// its typeset rule, a worked example and the common mistakes, and fits a phone's width; hints come one
// step at a time, each button saying what the next step reveals and what it costs.
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp } from "./helpers";

async function newLearner(page: Page) {
  await signUp(page, { displayName: "Lin", email: newEmail("lessons"), password: "practise all day" });
}

async function expectLesson(page: Page, title: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // The rule and the example are typeset (KaTeX with MathML).
  await expect(page.getByTestId("lesson-rule").locator(".katex-mathml math")).toHaveCount(1);
  const example = page.getByTestId("lesson-example");
  await expect(example.getByRole("listitem").first()).toBeVisible();
  await expect(example.getByTestId("lesson-answer").locator(".katex-mathml math")).toHaveCount(1);
  await expect(page.getByTestId("lesson-mistakes").getByRole("listitem").first()).toBeVisible();
}

async function noHorizontalOverflow(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test("a lesson opens from the catalogue: the rule typeset, a worked example, the mistakes with their feedback", async ({
  page,
}) => {
  await newLearner(page);
  await page.goto("/practice");
  await page.getByTestId("lesson-limit-sin-over-x").click();
  await expect(page).toHaveURL(/\/learn\/limit-sin-over-x$/);
  await expectLesson(page, "The standard limit sin(u)/u → 1");
  // The standard-limit rewrite is in the example's solution.
  await expect(page.getByTestId("lesson-example")).toContainText("Rewrite into the standard form");
  await expect(page.getByTestId("mistake-reciprocal")).toContainText("reciprocal of the limit");
  await page.screenshot({ path: "test-results/lesson-1280.png", fullPage: true });
  // An unknown skill says so.
  await page.goto("/learn/no-such-skill");
  await expect(page.getByTestId("lesson-error")).toContainText("no such skill");
});

test("a lesson opens from a problem", async ({ page, context }) => {
  await newLearner(page);
  await page.goto("/practice");
  await page.getByRole("button", { name: "The chain rule", exact: true }).click();
  await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}\?/);
  const opened = context.waitForEvent("page");
  await page.getByTestId("lesson-link").click();
  const lesson = await opened;
  await expect(lesson).toHaveURL(/\/learn\/derivative-chain-rule$/);
  await expectLesson(lesson, "The chain rule");
  await expect(lesson.getByTestId("lesson-example")).toContainText("Chain rule");
});

test("at phone width a lesson has no horizontal overflow", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await newLearner(page);
  for (const id of ["directional-derivative", "backpropagation-two-layers", "limit-one-minus-cos"]) {
    await page.goto(`/learn/${id}`);
    await expect(page.getByTestId("lesson-rule").locator(".katex-mathml math")).toHaveCount(1);
    await noHorizontalOverflow(page);
    await page.screenshot({ path: `test-results/lesson-${id}-390.png`, fullPage: true });
  }
});

test("hints come one step at a time, each saying what it reveals and its cost", async ({ page }) => {
  await newLearner(page);
  await page.goto("/practice");
  await page.getByRole("button", { name: "The product rule" }).click();
  await expect(page.getByTestId("submit")).toBeEnabled();
  const button = page.getByTestId("hint-button");
  await expect(button).toHaveText("Hint 1 of 3: what to look at (a right answer then counts as Hard)");
  await button.click();
  await expect(page.getByTestId("hint-step")).toHaveCount(1);
  await expect(page.getByTestId("hint-step").first()).toContainText("What to look at");
  await expect(button).toHaveText(/^Hint 2 of 3: the rule \(no extra cost/);
  await button.click();
  await expect(page.getByTestId("hint-step")).toHaveCount(2);
  await expect(button).toHaveText(/^Hint 3 of 3: the first line/);
  await button.click();
  await expect(page.getByTestId("hint-step")).toHaveCount(3);
  // The first line of the solution: the product rule, or a constant factor set aside first (-3x sin x).
  await expect(page.getByTestId("hint-step").nth(2)).toContainText(
    /The first line: (Product rule|Constant multiple)/,
  );
  await expect(button).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalOverflow(page);
  await page.screenshot({ path: "test-results/hints-390.png", fullPage: true });
  // A reload shows the same steps.
  await page.reload();
  await expect(page.getByTestId("hint-step")).toHaveCount(3);
  // The worked solution, line by line, ends with the answer, shown once.
  await expect(page.getByTestId("submit")).toBeEnabled();
  await page.getByRole("button", { name: "Show me the answer" }).click();
  await page.getByRole("button", { name: "Yes, show the answer" }).click();
  const solution = page.getByTestId("solution");
  await expect(solution).toContainText("Product rule");
  await expect(page.getByTestId("key")).toHaveCount(1);
  await expect(solution.getByRole("listitem").last()).toContainText("Answer");
  await noHorizontalOverflow(page);
  await page.screenshot({ path: "test-results/solution-390.png", fullPage: true });
});
