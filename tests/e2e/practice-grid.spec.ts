// A concrete Part 2 problem answered through the grid, on a desktop and a phone viewport: the cells
// match the asked shape, Tab and the arrow keys move between them, a pasted matrix fills them, the
// reading shows the shape, a transposed answer is named as a layout mistake, and the right one
// finishes the problem. The key comes from the database in this test process, never from the page.
import { expect, test, type Page } from "@playwright/test";
import { newEmail, signUp, storedProblem } from "./helpers";

async function keyOf(page: Page): Promise<string[][]> {
  return (await storedProblem<{ answer: string[][] }>(page)).answer;
}

const transpose = (m: string[][]): string[][] => m[0]!.map((_, j) => m.map((r) => r[j]!));

/** Opens the Jacobian at a point until its key is not symmetric (so a transpose is a mistake). */
async function openJacobian(page: Page): Promise<string[][]> {
  for (let i = 0; i < 8; i++) {
    await page.goto("/practice/skill/jacobian-at-a-point?of=1");
    await page.getByTestId("start").click();
    await expect(page).toHaveURL(/\/practice\/i\/[0-9a-f-]{36}/);
    await expect(page.getByTestId("submit")).toBeEnabled();
    const key = await keyOf(page);
    if (JSON.stringify(transpose(key)) !== JSON.stringify(key)) return key;
  }
  throw new Error("no Jacobian with a transpose that differs");
}

async function paste(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`a Jacobian answered through the grid (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signUp(page, { displayName: "Grace", email: newEmail("grid"), password: "practise all day" });
    const key = await openJacobian(page);
    const rows = key.length;
    const cols = key[0]!.length;
    const grid = page.getByTestId("grid-answer");
    await expect(grid).toContainText(`Expected shape: a ${rows}×${cols} matrix`);
    await expect(grid.locator("input")).toHaveCount(rows * cols);
    await expect(page.getByTestId("cell-0-0")).toBeFocused();
    await expect(page.getByRole("textbox", { name: /∂f₁\/∂x \(row 1, column 1\)/ })).toBeVisible();

    // The transposed matrix, typed: Tab along a row, the arrow keys between rows.
    // (A square Jacobian is typed transposed first; a non-square one cannot be, so it is typed right.)
    const typed = rows === cols ? transpose(key) : key;
    for (let i = 0; i < rows; i++) {
      await page.getByTestId(`cell-${i}-0`).focus();
      for (let j = 0; j < cols; j++) {
        await page.keyboard.type(typed[i]![j]!);
        if (j + 1 < cols) await page.keyboard.press("Tab");
      }
      if (i + 1 < rows) {
        await page.keyboard.press("ArrowDown");
        await expect(page.getByTestId(`cell-${i + 1}-${cols - 1}`)).toBeFocused();
      }
    }
    await expect(page.getByTestId("answer-preview")).toContainText(`Reads as a ${rows}×${cols} matrix`);
    await page.screenshot({ path: `test-results/grid-${viewport.name}-typed.png`, fullPage: true });
    if (rows === cols) {
      await page.getByTestId("submit").click();
      const verdict = page.getByTestId("verdict");
      await expect(verdict).toHaveAttribute("data-status", "wrong");
      await expect(page.getByTestId("diagnosis")).toContainText("wrong layout");
      await expect(page.getByTestId("try-again")).toHaveText("You have one more try.");
    }

    // A whole matrix pasted into the first cell fills the grid.
    await paste(page, "cell-0-0", `[${key.map((r) => `[${r.join(", ")}]`).join(", ")}]`);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++)
        await expect(page.getByTestId(`cell-${i}-${j}`)).toHaveValue(key[i]![j]!);
    await page.getByTestId("submit").click();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-status", "right");
    await expect(page.getByTestId("outcome")).toContainText("Solved");
    await expect(page.getByTestId("key").locator(".katex-mathml math")).toHaveCount(1);
    await expect(page.getByTestId("solution").getByRole("listitem").nth(1)).toContainText("Row 1");
    await page.screenshot({ path: `test-results/grid-${viewport.name}-finished.png`, fullPage: true });
  });
}
