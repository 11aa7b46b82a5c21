// A typed problem with a random parameter, end to end: the teacher writes f(x) = a x^2 with
// `a in {2..9}`, sees several draws with their keys, adds and publishes it; a learner answers it right
// with their own number. Screenshots at 1280 and 390 px wide.
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp } from "./helpers";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string) {
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.screenshot({ path: `test-results/parameters-${name}-${v.name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a teacher sets a problem with a random parameter; a learner answers it right with their own number", async ({
  browser,
}) => {
  test.slow();
  const teacher = await (await browser.newContext()).newPage();
  await signUp(teacher, {
    displayName: "Mr Euler",
    email: newEmail("teacher"),
    password: "teaching calculus",
    role: "teacher",
  });
  await teacher.getByRole("link", { name: "Teaching" }).click();
  await teacher.getByLabel("Class name").fill("Calculus 2B");
  await teacher.getByRole("button", { name: "Create class" }).click();
  const code = (await teacher.getByTestId("join-code").innerText()).trim();

  const learner = await (await browser.newContext()).newPage();
  await signUp(learner, {
    displayName: "Leo P",
    email: newEmail("learner"),
    password: "learning calculus",
    role: "learner",
  });
  await learner.getByRole("link", { name: "Assignments" }).click();
  await learner.getByLabel("Class code").fill(code);
  await learner.getByRole("button", { name: "Join" }).click();
  await expect(learner.getByTestId("form-success")).toHaveText("You joined Calculus 2B.");

  await teacher.getByLabel("New problem set title").fill("Parameters");
  await teacher.getByRole("button", { name: "Create problem set" }).click();
  await expect(teacher.getByRole("heading", { name: /Parameters/ })).toBeVisible();

  // The form shows only the chosen kind's fields.
  const form = teacher.getByRole("form", { name: "Type a problem" });
  await form.getByLabel("Kind").selectOption("limit");
  await expect(form.getByLabel(/^Tends to a/)).toBeVisible();
  await form.getByLabel("Kind").selectOption("derivative");
  await expect(form.getByLabel(/^Tends to a/)).toHaveCount(0);
  await expect(form.getByLabel("Symbols and their shapes")).toHaveCount(0);

  // A parameter with the variable's name is refused with the reason.
  await form.getByLabel("f", { exact: true }).fill("a*x^2");
  await form.getByLabel("Random parameters (optional)").fill("x in {2..9}");
  await form.getByRole("button", { name: "Check and show the key" }).click();
  await expect(teacher.getByTestId("typed-error")).toHaveText(
    "'x' is a variable of the problem and cannot also be a parameter: choose another letter.",
  );

  await form.getByLabel("Random parameters (optional)").fill("a in {2..9}");
  await form.getByRole("button", { name: "Check and show the key" }).click();
  const preview = teacher.getByTestId("typed-preview");
  const draws = preview.getByTestId("draw");
  await expect(draws).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const a = Number(/a = (\d)/.exec(await draws.nth(i).locator("p.muted").innerText())?.[1]);
    expect(a).toBeGreaterThanOrEqual(2);
    expect(a).toBeLessThanOrEqual(9);
    await expect(
      draws
        .nth(i)
        .getByLabel(/^The key with/)
        .locator(".katex-mathml annotation"),
    ).toHaveText(`${2 * a}x`);
  }
  await shoot(teacher, "draws");
  await preview.getByRole("button", { name: "Add this problem" }).click();
  await expect(teacher.getByTestId("form-success")).toHaveText("Typed problem added.");
  await expect(teacher.getByTestId("item-parameters")).toContainText("a in {2..9}");
  await teacher.getByRole("button", { name: "Publish to the class" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("Published");

  // The catalogue: searched, a skill's sample with its answer and solution, and "Try it" for the teacher.
  await teacher.goto("/teacher");
  await teacher.getByRole("link", { name: "Browse the catalogue of skills" }).click();
  await teacher.getByLabel("Search skills").fill("product rule");
  await teacher.getByRole("button", { name: "Search" }).click();
  const skill = teacher.getByTestId("catalogue-skill").filter({ hasText: "The product rule" });
  await expect(skill).toHaveCount(1);
  await skill.getByText("Sample problem, answer and solution").click();
  await expect(skill.getByLabel("The product rule: answer")).toBeVisible();
  await expect(skill.locator(".solution-steps li").first()).toBeVisible();
  await shoot(teacher, "catalogue");
  await skill.getByRole("button", { name: /^Try it\s*: The product rule$/ }).click();
  await teacher.waitForURL(/\/practice\/i\/[0-9a-f-]{36}/);
  await expect(teacher.getByTestId("statement")).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("The product rule");

  // The learner sees a neutral title, opens the problem, and answers with their own number.
  await learner.goto("/assignments");
  await learner.getByRole("link", { name: "Parameters" }).click();
  const problem = learner.getByTestId("assignment-problem");
  await expect(problem).toContainText("Problem 1");
  await learner.getByRole("button", { name: "Start problem 1" }).click();
  await learner.waitForURL(/\/practice\/i\/[0-9a-f-]{36}\?next=/);
  // The statement as the learner's browser gets it (the page shows it typeset).
  const instanceId = /\/practice\/i\/([0-9a-f-]{36})/.exec(learner.url())![1]!;
  const view = (await (await learner.request.get(`/api/practice/instances/${instanceId}`)).json()) as {
    statement: string;
  };
  const a = Number(/f\(x\) = (\d)\*?x\^2/.exec(view.statement)?.[1]);
  expect(a).toBeGreaterThanOrEqual(2);
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText("A problem from your teacher");
  await learner.getByLabel(/^Your answer/).fill(`${2 * a}x`);
  await learner.getByRole("button", { name: "Check answer" }).click();
  await expect(learner.getByTestId("outcome")).toContainText("Solved");
  await shoot(learner, "answered");

  // The same number on the set page and on review.
  await learner.goto("/assignments");
  await learner.getByRole("link", { name: "Parameters" }).click();
  await expect(problem).toContainText("right");
  await expect(problem.locator(".katex-mathml annotation")).toContainText(`${a}x^{2}`);
  await shoot(learner, "set");
});
