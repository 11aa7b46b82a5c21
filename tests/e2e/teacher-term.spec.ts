// A teacher's term end to end: a class, students imported by a list of emails (one with an account,
// one invited), a student who follows the join link without an account, signs up and comes back to
// join; a set with a typed problem; answers; an item excused, a verdict overridden with a note; the
// CSV; the set copied to next term's class. Then a gradebook of 200 students at 390 and 1280 px.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { generate } from "@/lib/problems";
import { SAME_ORIGIN, newEmail, signUp } from "./helpers";

/**
 * The typed problem of the term, with a random parameter drawn per student, and each student's right
 * and wrong answers for their own a: the one place to change them.
 */
const TYPED = {
  f: "a*x^3 + 2x",
  parameters: "a in {2..9}",
  var: "x",
  right: (a: number) => `${3 * a}x^2 + 2`,
  wrong: (a: number) => `${3 * a}x^2`,
};

/** The a of a student's typed problem, read from its statement as the student's browser gets it. */
async function parameterOf(page: Page, instanceId: string): Promise<number> {
  const res = await page.request.get(`/api/practice/instances/${instanceId}`);
  expect(res.status()).toBe(200);
  const view = (await res.json()) as { statement: string };
  const a = Number(/(\d+)\*?x\^3/.exec(view.statement)?.[1]);
  expect(a).toBeGreaterThanOrEqual(2);
  expect(a).toBeLessThanOrEqual(9);
  return a;
}

async function submit(page: Page, instanceId: string, answer: string) {
  const res = await page.request.post(`/api/practice/instances/${instanceId}/submit`, {
    headers: SAME_ORIGIN,
    data: { clientSubmissionId: randomUUID(), answer, elapsedMs: 4000 },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { feedback: { correct: boolean } };
}

/** Starts problem `n` of the set open in `page` and returns its instance id. */
async function start(page: Page, n: number): Promise<string> {
  const back = page.url();
  await page.getByRole("button", { name: `Start problem ${n}` }).click();
  await page.waitForURL(/\/practice\/i\/[0-9a-f-]{36}\?next=/);
  const id = /\/practice\/i\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.goto(back);
  return id;
}

async function newTeacher(page: Page, name: string) {
  await signUp(page, {
    displayName: name,
    email: newEmail("teacher"),
    password: "teaching calculus",
    role: "teacher",
  });
}

async function noSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a teacher's term: import by email, join after sign-up, typed problem, excuse, override, CSV, copy to next term", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const teacher = await (await browser.newContext()).newPage();
  await newTeacher(teacher, "Dr Lovelace");
  await teacher.getByRole("link", { name: "Teaching" }).click();
  await expect(teacher.getByTestId("no-reports")).toBeVisible();
  await teacher.getByLabel("Class name").fill("Calculus 2 autumn");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: "Calculus 2 autumn" })).toBeVisible();
  const classUrl = teacher.url().split("?")[0]!;
  const code = (await teacher.getByTestId("join-code").innerText()).trim();

  // Ada has an account; Grace has none yet. A malformed list adds nobody.
  const ada = await (await browser.newContext()).newPage();
  const adaEmail = newEmail("ada");
  await signUp(ada, { displayName: "Ada", email: adaEmail, password: "learning calculus" });
  const graceEmail = newEmail("grace");
  await teacher.getByRole("textbox", { name: /Add students by email/ }).fill(`${adaEmail}, not-an-email`);
  await teacher.getByRole("button", { name: "Add students" }).click();
  await expect(teacher.getByTestId("form-error")).toContainText('Nobody was added. "not-an-email"');
  await teacher.getByRole("textbox", { name: /Add students by email/ }).fill(`${adaEmail}\n${graceEmail}`);
  await teacher.getByRole("button", { name: "Add students" }).click();
  await expect(teacher.getByTestId("form-success")).toHaveText(
    "1 student added, 1 invitation waiting for a first sign-in.",
  );
  await expect(teacher.getByRole("table", { name: "Roster" })).toContainText(adaEmail);
  await expect(teacher.getByTestId("invitations")).toContainText(graceEmail);

  // A new code is made only after the confirm step; the old one stops working.
  await teacher.getByTestId("rotate-code").getByText("Make a new code…").click();
  await teacher.getByRole("button", { name: "Yes, make a new code" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("New code made");
  const newCode = (await teacher.getByTestId("join-code").innerText()).trim();
  expect(newCode).not.toBe(code);

  // The set: one catalogue problem, one typed problem, published.
  await teacher.getByLabel("New problem set title").fill("Week 1");
  await teacher.getByRole("button", { name: "Create problem set" }).click();
  await expect(teacher.getByTestId("no-items")).toBeVisible();
  await teacher.getByLabel("Skill").selectOption({ label: "The power rule" });
  await teacher.getByLabel("Number of problems").fill("1");
  await teacher.getByRole("button", { name: "Add problems" }).click();
  // The page reloads after adding: type the problem only once it has.
  await expect(teacher.getByTestId("form-success")).toHaveText("Problems added.");
  await teacher.getByLabel("Kind").selectOption("derivative");
  await teacher.getByLabel("f", { exact: true }).fill(TYPED.f);
  await teacher.getByLabel("Variable", { exact: true }).fill(TYPED.var);
  await teacher.getByLabel("Random parameters (optional)").fill(TYPED.parameters);
  await teacher.getByRole("button", { name: "Check and show the key" }).click();
  await teacher.getByTestId("typed-preview").getByRole("button", { name: "Add this problem" }).click();
  await expect(teacher.getByTestId("form-success")).toHaveText("Typed problem added.");
  // While nobody has answered, items can be reordered.
  await teacher.getByRole("button", { name: "Move Q2 up" }).click();
  await expect(teacher.getByTestId("item").first().getByTestId("item-parameters")).toContainText(
    TYPED.parameters,
  );
  await teacher.getByRole("button", { name: "Publish to the class" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("Published");
  const setUrl = teacher.url().split("?")[0]!;

  // Grace follows the join link with no account: sign-in, then sign-up, then back to the join page.
  const grace = await (await browser.newContext()).newPage();
  const joinerEmail = newEmail("joiner");
  await grace.goto(`/join/${newCode}`);
  await expect(grace).toHaveURL(/\/signin\?callbackUrl=%2Fjoin%2F/);
  await expect(grace.getByTestId("join-after-signin")).toBeVisible();
  await grace.getByRole("link", { name: "Create one" }).click();
  await expect(grace.getByTestId("join-after-signup")).toBeVisible();
  await grace.getByLabel("Display name").fill("Grace");
  await grace.getByLabel("Email").fill(joinerEmail);
  await grace.getByLabel("Password", { exact: true }).fill("learning calculus");
  await grace.getByRole("button", { name: "Create account" }).click();
  await expect(grace).toHaveURL(new RegExp(`/join/${newCode}$`));
  await expect(grace.getByTestId("join-class")).toHaveText("Calculus 2 autumn, taught by Dr Lovelace");
  await grace.getByRole("button", { name: "Join Calculus 2 autumn" }).click();
  await expect(grace.getByTestId("form-success")).toHaveText("You joined Calculus 2 autumn.");

  // Students answer the typed problem: Ada right, Grace wrong.
  for (const [page, answer] of [
    [ada, TYPED.right],
    [grace, TYPED.wrong],
  ] as const) {
    await page.goto("/assignments");
    await page.getByRole("link", { name: "Week 1" }).click();
    const id = await start(page, 1);
    await submit(page, id, answer(await parameterOf(page, id)));
  }
  // Answered: reordering is no longer offered, and refused if forced.
  await teacher.goto(setUrl);
  await expect(teacher.getByRole("button", { name: /Move Q/ })).toHaveCount(0);
  await expect(teacher.getByTestId("delete-refused")).toBeVisible();

  // Excuse the catalogue problem for everyone; override Grace's typed answer with a note.
  await teacher.getByRole("button", { name: "Excuse Q2 for everyone" }).click();
  await teacher.goto(`${setUrl}/gradebook`);
  const graceRow = teacher.getByTestId("gradebook-row").filter({ hasText: joinerEmail });
  await expect(graceRow.getByTestId("score")).toContainText("0 / 1");
  // One wrong try of three: the problem is still open, and the teacher overrides it all the same.
  await graceRow.getByRole("link", { name: "in progress" }).click();
  await teacher.getByLabel("Note to the student").fill("Sign slip, accepted");
  await teacher.getByRole("button", { name: "Count as right" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("Verdict recorded");
  await teacher.goto(`${setUrl}/gradebook`);
  await expect(graceRow.getByTestId("score")).toContainText("1 / 1");
  const download = teacher.waitForEvent("download");
  await teacher.getByTestId("csv-gradebook").click();
  const csv = readFileSync(await (await download).path(), "utf8");
  const graceLine = csv.split("\r\n").find((l) => l.startsWith(`"${joinerEmail}"`));
  expect(graceLine).toContain('"1","1","1"');
  await grace.goto("/assignments");
  await grace.getByRole("link", { name: "Week 1" }).click();
  await expect(grace.getByTestId("override")).toContainText("Sign slip, accepted");

  // Next term: a new class, the set copied to it as a draft without students' data.
  await teacher.goto("/teacher");
  await teacher.getByLabel("Class name").fill("Calculus 2 spring");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await teacher.goto(setUrl);
  await teacher.getByLabel("Copy to").selectOption({ label: "Calculus 2 spring" });
  await teacher.getByRole("button", { name: "Copy the set" }).click();
  await expect(teacher.getByTestId("form-success")).toContainText("Copied as a draft");
  await expect(teacher.getByRole("link", { name: "← Calculus 2 spring" })).toBeVisible();
  await expect(teacher.getByTestId("item")).toHaveCount(2);
  await expect(teacher.getByRole("button", { name: "Publish to the class" })).toBeVisible();

  // The autumn class cannot be deleted (answers), even after the confirm step; archiving hides it.
  await teacher.goto(classUrl);
  await teacher.getByTestId("delete-class").getByText("Delete…").click();
  await teacher.getByRole("button", { name: "Yes, delete the class" }).click();
  await expect(teacher.getByTestId("form-error")).toContainText("Archive it instead");
  await teacher.getByTestId("archive-class").getByText("Archive…").click();
  await teacher.getByRole("button", { name: "Yes, archive" }).click();
  await expect(teacher.getByRole("list", { name: "Your classes" })).not.toContainText("autumn");
  await ada.goto("/assignments");
  await expect(ada.getByRole("link", { name: "Week 1" })).toHaveCount(0);
});

/** A class of `students` under the teacher of `email`, with a published set of `items` problems all opened. */
async function seedLargeClass(email: string, students: number, items: number): Promise<string> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    const q = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows;
    const [t] = await q(`SELECT id FROM "User" WHERE email = $1`, [email.toLowerCase()]);
    const [cls] = await q(
      `INSERT INTO "Class" (id, "teacherId", name, "joinCode") VALUES (gen_random_uuid(), $1, 'Calculus 200', $2) RETURNING id`,
      [
        t!.id,
        `Q${randomUUID()
          .replace(/[^A-Z]/gi, "")
          .toUpperCase()
          .slice(0, 7)
          .padEnd(7, "X")}`,
      ],
    );
    const users = await q(
      `INSERT INTO "User" (id, email, "displayName", "passwordHash")
       SELECT gen_random_uuid(), 'student-' || i || '-' || $2 || '@uni.example', 'Student ' || i || ' Fitzgerald-Montgomery', 'x'
       FROM generate_series(1, $1) i RETURNING id`,
      [students, randomUUID().slice(0, 6)],
    );
    await db.query(
      `INSERT INTO "Enrollment" ("classId", "userId", "studentNumber")
       SELECT $1, u, 'S' || (100000 + n) FROM unnest($2::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [cls!.id, users.map((u) => u.id)],
    );
    const [set] = await q(
      `INSERT INTO "ProblemSet" (id, "classId", title, "dueAt", "publishedAt", "latePenaltyPct")
       VALUES (gen_random_uuid(), $1, 'Week 1', now() + interval '2 days', now(), 20) RETURNING id`,
      [cls!.id],
    );
    await db.query(
      `INSERT INTO "ProblemSetItem" (id, "setId", position, "skillId", count)
       SELECT gen_random_uuid(), $1, p, 'derivative-power-rule', 1 FROM generate_series(0, $2 - 1) p`,
      [set!.id, items],
    );
    // Every student opened every problem; most finished, right or wrong, a few late.
    // A real problem of the skill (the drill-down typesets it and its key).
    const g = generate("derivative-power-rule", 7);
    if (!g.ok) throw new Error("the power rule made no problem");
    const problem = JSON.stringify(g.problem);
    await db.query(
      `INSERT INTO "ProblemInstance" (id, "userId", "skillId", seed, version, problem, source, "assignmentItemId", copy,
         "triesUsed", "finishedAt", outcome, "durationMs", late)
       SELECT gen_random_uuid(), e."userId", 'derivative-power-rule', 1, 1, $2::jsonb, 'assignment', i.id, 0,
         CASE WHEN (hashtext(e."userId"::text || i.id::text) % 7) = 0 THEN 0 ELSE 1 + abs(hashtext(i.id::text || e."userId"::text)) % 2 END,
         CASE WHEN (hashtext(e."userId"::text || i.id::text) % 7) = 0 THEN NULL ELSE now() END,
         CASE WHEN (hashtext(e."userId"::text || i.id::text) % 7) = 0 THEN NULL
              WHEN abs(hashtext(i.id::text || e."userId"::text)) % 4 = 0 THEN 'wrong'::"InstanceOutcome"
              ELSE 'right'::"InstanceOutcome" END,
         90000, abs(hashtext(e."userId"::text)) % 17 = 0
       FROM "Enrollment" e JOIN "ProblemSetItem" i ON i."setId" = $1 WHERE e."classId" = $3`,
      [set!.id, problem, cls!.id],
    );
    return set!.id;
  } finally {
    await db.end();
  }
}

test("a gradebook of 200 students at 390 and 1280 px; a student's page and the drill-down fit a phone", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const teacher = await context.newPage();
  const email = newEmail("teacher200");
  await signUp(teacher, { displayName: "Prof Big", email, password: "teaching calculus", role: "teacher" });
  const setId = await seedLargeClass(email, 200, 20);

  await teacher.setViewportSize({ width: 1280, height: 900 });
  await teacher.goto(`/teacher/sets/${setId}/gradebook`);
  await expect(teacher.getByTestId("gradebook-count")).toContainText("200 of 200 students · page 1 of 4");
  await expect(teacher.getByTestId("gradebook-row")).toHaveCount(50);
  await expect(teacher.getByRole("columnheader", { name: "Q20" })).toBeVisible();
  await teacher.screenshot({ path: "test-results/gradebook-200-1280.png" });

  await teacher.setViewportSize({ width: 390, height: 844 });
  await teacher.reload();
  await noSideScroll(teacher);
  const first = teacher.getByTestId("gradebook-row").first();
  await expect(first.getByTestId("score")).toBeVisible();
  await expect(teacher.getByRole("columnheader", { name: "Q1", exact: true })).toBeHidden();
  await teacher.screenshot({ path: "test-results/gradebook-200-390.png", fullPage: true });
  await first.getByRole("link", { name: "Details" }).click();
  await expect(teacher.getByTestId("student-problem")).toHaveCount(20);
  await noSideScroll(teacher);
  await teacher.screenshot({ path: "test-results/gradebook-student-390.png", fullPage: true });
  await teacher.getByRole("link", { name: "Open the problem with its key" }).first().click();
  await expect(teacher.getByTestId("instance-student")).toBeVisible();
  await noSideScroll(teacher);
  await teacher.screenshot({ path: "test-results/drill-down-390.png", fullPage: true });
});
