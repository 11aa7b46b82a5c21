// A symbolic Part 2 problem (∇_W of a loss: an expression such as 2(Wx − y)xᵀ) answered through the
// matrix answer box on a desktop and a phone viewport: the box says the shape asked for, the live
// reading shows the answer typeset with its shape, the transposed layout is named as a mistake, and
// the answer typed with the keys (ᵀ from its key) finishes the problem. The key comes from the
// database in this test process, never from the page.
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp, storedProblem } from "./helpers";

interface Stored {
  answer: string;
  given: { decls: Record<string, string>; wrt: string; shape: string };
}

const problemOf = (page: Page): Promise<Stored> => storedProblem<Stored>(page);

/** Opens ∇_W problems until one asks for a non-square W and ends in a transpose (…xᵀ). */
async function openMatrixGradient(page: Page): Promise<Stored> {
  for (let i = 0; i < 10; i++) {
    await page.goto("/practice/skill/gradient-wrt-matrix?of=1");
    await page.getByTestId("start").click();
    await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}/);
    await expect(page.getByTestId("submit")).toBeEnabled();
    const p = await problemOf(page);
    const [rows, cols] = p.given.shape.split(/\s*x\s*/);
    if (p.answer.endsWith("^T") && rows !== cols) return p;
  }
  throw new Error("no non-square ∇_W problem ending in a transpose");
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`a gradient with respect to a matrix typed in the matrix box (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signUp(page, { displayName: "Hedy", email: newEmail("matrix"), password: "practise all day" });
    const p = await openMatrixGradient(page);
    const shape = p.given.shape.replace(/\s*x\s*/, "×");
    const box = page.getByLabel(`Your answer (${shape})`);
    await expect(box).toBeVisible();
    await expect(page.locator(".problem .katex-mathml math")).toHaveCount(1);

    // First try: the transposed layout, typed as text. Named, and a second try is left.
    await box.fill(`(${p.answer})^T`);
    const [r, c] = shape.split("×");
    await expect(page.getByTestId("answer-preview")).toContainText(
      new RegExp(`This reads as an? ${c}×${r} matrix, but the answer asked for is ${shape}`),
    );
    await page.getByTestId("submit").click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-status", "wrong");
    await expect(page.getByTestId("diagnosis")).toContainText(/transpose|layout/i);
    await expect(page.getByTestId("try-again")).toHaveText("You have one more try.");

    // Second try: typed without the final transpose, which comes from its key.
    await box.fill(p.answer.slice(0, -2).replace(/\*/g, " "));
    await box.focus();
    await box.press("End");
    const keys = page.getByTestId("math-keys");
    await expect(keys).toBeVisible();
    await keys.getByRole("button", { name: "Insert transpose" }).click();
    await expect(box).toHaveValue(/ᵀ$/);
    await expect(page.getByTestId("answer-preview")).toContainText(new RegExp(`\\(an? ${shape} matrix\\)`));
    await expect(page.getByTestId("answer-preview").locator(".katex-mathml math")).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await page.screenshot({ path: `test-results/matrix-${viewport.name}-typed.png`, fullPage: true });
    await page.getByTestId("submit").click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-status", "right");
    await expect(page.getByTestId("outcome")).toContainText("Solved");
    await expect(page.getByTestId("key").locator(".katex-mathml math")).toHaveCount(1);
    await expect(page.getByTestId("solution").getByRole("listitem").first()).toBeVisible();
    await page.screenshot({ path: `test-results/matrix-${viewport.name}-finished.png`, fullPage: true });
  });
}
