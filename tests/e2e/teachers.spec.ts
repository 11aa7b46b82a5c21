// Teachers end to end: a class, a learner joining by code, a set mixing a catalogue skill and a typed
// problem, the learner's answers (through the practice JSON routes, as the practice view sends them),
// the gradebook, an override of a reported verdict, and the CSV download.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_LEARNER, DEMO_TEACHER, SAME_ORIGIN, newEmail, signIn, signUp } from "./helpers";

async function submit(page: Page, instanceId: string, answer: string) {
  const res = await page.request.post(`/api/practice/instances/${instanceId}/submit`, {
    headers: SAME_ORIGIN,
    data: { clientSubmissionId: randomUUID(), answer, elapsedMs: 4000 },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    feedback: { correct: boolean; submissionId: string };
    instance: { finished: boolean };
  };
}

test("a teacher sets a class a problem set; a learner works it; the teacher grades, overrides and exports", async ({
  browser,
}) => {
  // Granting the teacher role runs the admin command, a separate process.
  test.slow();
  const teacher = await (await browser.newContext()).newPage();
  await signUp(teacher, {
    displayName: "Ms Noether",
    email: newEmail("teacher"),
    password: "teaching calculus",
    role: "teacher",
  });
  await teacher.getByRole("link", { name: "Teaching" }).click();
  await expect(teacher.getByTestId("no-classes")).toBeVisible();
  await teacher.getByLabel("Class name").fill("Calculus 1A");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: "Calculus 1A" })).toBeVisible();
  await expect(teacher.getByTestId("empty-roster")).toBeVisible();
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const classUrl = teacher.url();

  const learner = await (await browser.newContext()).newPage();
  const learnerEmail = newEmail("learner");
  await signUp(learner, {
    displayName: "Sofia K",
    email: learnerEmail,
    password: "learning calculus",
    role: "learner",
  });
  await learner.getByRole("link", { name: "Assignments" }).click();
  await expect(learner.getByTestId("no-classes")).toBeVisible();
  await learner.getByLabel("Class code").fill("QQQQ-QQQQ");
  await learner.getByRole("button", { name: "Join" }).click();
  await expect(learner.getByTestId("form-error")).toContainText("No class has this code");
  await learner.getByLabel("Class code").fill(code.toLowerCase());
  await learner.getByRole("button", { name: "Join" }).click();
  await expect(learner.getByTestId("form-success")).toHaveText("You joined Calculus 1A.");
  await expect(learner.getByTestId("no-assignments")).toBeVisible();
  // A crafted link cannot make the app speak: notices come from the action that redirected here, never
  // from text in the address (a made-up notice id, or the old ?ok= and ?error= texts, show nothing).
  await learner.goto(
    "/assignments?error=Your+account+is+locked.+Call+us&ok=Verified&notice=AAAAAAAAAAAAAAAA",
  );
  await expect(learner.getByTestId("no-assignments")).toBeVisible();
  await expect(learner.getByTestId("form-error")).toHaveCount(0);
  await expect(learner.getByTestId("form-success")).toHaveCount(0);
  await expect(learner.locator("body")).not.toContainText("Call us");

  await teacher.goto(classUrl);
  await expect(teacher.getByRole("table", { name: "Roster" })).toContainText("Sofia K");
  await expect(teacher.getByRole("table", { name: "Roster" })).toContainText(learnerEmail.toLowerCase());
  await teacher.getByLabel("New problem set title").fill("Week 1");
  await teacher.getByRole("button", { name: "Create problem set" }).click();
  await expect(teacher.getByRole("heading", { name: /Week 1/ })).toBeVisible();
  await expect(teacher.getByTestId("no-items")).toBeVisible();

  await teacher.getByLabel("Skill").selectOption({ label: "The power rule" });
  await teacher.getByLabel("Number of problems").fill("1");
  await teacher.getByRole("button", { name: "Add problems" }).click();
  await expect(teacher.getByTestId("form-success")).toHaveText("Problems added.");

  // A typed problem the core cannot read is refused with a clear message.
  await teacher.getByLabel("f", { exact: true }).fill("sinx(");
  await teacher.getByRole("button", { name: "Check and show the key" }).click();
  await expect(teacher.getByTestId("typed-error")).toContainText(
    "cannot be read: Expected something after '('",
  );
  await teacher.getByLabel("Kind").selectOption("derivative");
  await teacher.getByLabel("f", { exact: true }).fill("x^3 + 2x");
  await teacher.getByLabel("Variable", { exact: true }).fill("x");
  await teacher.getByRole("button", { name: "Check and show the key" }).click();
  const preview = teacher.getByTestId("typed-preview");
  await expect(preview.getByLabel("The key").locator(".katex-mathml annotation")).toHaveText("3x^{2} + 2");
  await preview.getByRole("button", { name: "Add this problem" }).click();
  await expect(teacher.getByTestId("form-success")).toHaveText("Typed problem added.");
  await expect(teacher.getByRole("list", { name: "Items" }).getByRole("listitem")).toHaveCount(2);

  await teacher.getByLabel("Tries allowed per problem").fill("1");
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await expect(teacher.getByTestId("form-success")).toHaveText("Settings saved.");
  await teacher.getByRole("link", { name: "Preview as a student" }).click();
  await expect(teacher.getByRole("list", { name: "Preview problems" }).getByRole("listitem")).toHaveCount(2);
  const before = await teacher
    .getByRole("list", { name: "Preview problems" })
    .getByRole("listitem")
    .first()
    .innerText();
  await teacher.getByTestId("new-numbers").click();
  await expect(teacher).toHaveURL(/seed=2/);
  await expect(
    teacher.getByRole("list", { name: "Preview problems" }).getByRole("listitem").first(),
  ).not.toHaveText(before);
  await teacher.getByRole("link", { name: "Back to the set" }).click();
  await teacher.getByRole("button", { name: "Publish to the class" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("Published");
  const setUrl = teacher.url().split("?")[0]!;

  // The learner works the set: one wrong (the catalogue problem), one right (the typed one).
  await learner.goto("/assignments");
  await learner.getByRole("link", { name: "Week 1" }).click();
  const problems = learner.getByTestId("assignment-problem");
  await expect(problems).toHaveCount(2);
  // Each problem is created when the learner starts it.
  await expect(problems.nth(0)).toContainText("not started");
  const ids: string[] = [];
  const setPage = learner.url();
  for (const n of [1, 2]) {
    await learner.getByRole("button", { name: `Start problem ${n}` }).click();
    await learner.waitForURL(/\/practice\/i\/[0-9a-f-]{36}\?next=/);
    ids.push(/\/practice\/i\/([0-9a-f-]{36})/.exec(learner.url())?.[1] ?? "");
    await learner.goto(setPage);
  }
  expect(ids.every((id) => id.length === 36)).toBe(true);
  const wrong = await submit(learner, ids[0]!, "12345");
  expect(wrong.feedback.correct).toBe(false);
  expect(wrong.instance.finished).toBe(true);
  const right = await submit(learner, ids[1]!, "3x^2 + 2");
  expect(right.feedback.correct).toBe(true);
  const report = await learner.request.post(`/api/practice/instances/${ids[0]!}/report`, {
    headers: SAME_ORIGIN,
    data: { comment: "I believe 12345 is right", submissionId: wrong.feedback.submissionId },
  });
  expect(report.status()).toBe(200);
  await learner.reload();
  await expect(problems.nth(0)).toContainText("wrong");
  await expect(problems.nth(1)).toContainText("right");

  // The teacher sees both in the gradebook, accepts the reported answer, and the score follows.
  await teacher.goto(`${setUrl}/gradebook`);
  const row = teacher.getByTestId("gradebook-row").filter({ hasText: "Sofia K" });
  await expect(row.getByTestId("score")).toContainText("1 / 2");
  await expect(row).toContainText("wrong");
  await expect(row).toContainText("right");
  await expect(teacher.getByTestId("accuracy")).toHaveText(["0 %", "100 %"]);
  const card = teacher.getByTestId("report");
  await expect(card).toContainText("I believe 12345 is right");
  await card.getByLabel("Note to the student").fill("Accepted after review");
  await card.getByRole("button", { name: "Accept as right" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("Verdict recorded");
  await expect(row.getByTestId("score")).toContainText("2 / 2");

  await learner.reload();
  await expect(learner.getByTestId("override")).toContainText("Accepted after review");
  await expect(problems.nth(0)).toContainText("right");

  const download = teacher.waitForEvent("download");
  await teacher.getByTestId("csv-gradebook").click();
  const file = readFileSync(await (await download).path(), "utf8");
  expect(file.charCodeAt(0)).toBe(0xfeff);
  const lines = file.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    '"email","student number","name","status","score","score after penalty","total","late","minutes","The power rule - result","The power rule - tries","The power rule - minutes","Differentiate f(x) = x^3 + 2x with respect to x. - result","Differentiate f(x) = x^3 + 2x with respect to x. - tries","Differentiate f(x) = x^3 + 2x with respect to x. - minutes"',
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]!.startsWith(`"${learnerEmail.toLowerCase()}"`)).toBe(true);
  expect(lines[1]).toMatch(
    /^"[^"]+","","Sofia K","enrolled","2","2","2","","0\.1","right \(override\)","1","0\.1","right","1","0\.1"$/,
  );

  // Readable on a phone: the gradebook scrolls inside its own box, not the page.
  await teacher.setViewportSize({ width: 390, height: 800 });
  await teacher.reload();
  const overflow = await teacher.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("demo data: the demo teacher's class holds both demo learners, and a demo learner has its set", async ({
  browser,
}) => {
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, DEMO_TEACHER.email, DEMO_TEACHER.password);
  await teacher.goto("/teacher");
  await teacher.getByRole("link", { name: /Demo class/ }).click();
  const roster = teacher.getByRole("table", { name: "Roster" });
  await expect(roster).toContainText("Ada (demo learner)");
  await expect(roster).toContainText("Emmy (demo learner)");
  await expect(teacher.getByRole("list", { name: "Problem sets" })).toContainText("Warm-up: derivatives");

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, DEMO_LEARNER.email, DEMO_LEARNER.password);
  await learner.goto("/assignments");
  await learner.getByRole("link", { name: "Warm-up: derivatives" }).click();
  await expect(learner.getByTestId("assignment-problem")).toHaveCount(3);
  await expect(learner.getByRole("progressbar", { name: "Problems done" })).toBeVisible();
});
