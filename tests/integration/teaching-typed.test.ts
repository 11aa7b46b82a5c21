// Typed problems of Parts 2 and 3 against a real PostgreSQL: a teacher types ∇_W of ‖Wx − y‖² (no
// key: graded against the derivative by automatic differentiation), a Hessian and a Taylor
// approximation; students' answers are graded right and wrong; what cannot be posed is refused.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import { addAuthoredItem } from "@/lib/server/assignments/sets";
import { getGradebook } from "@/lib/server/assignments/gradebook";
import { submitAnswer } from "@/lib/server/practice/practice";
import { expectAppError } from "./helpers";
import { openAll, world } from "./teaching-world";

const answer = (actor: ActingUser, instanceId: string, text: string) =>
  submitAnswer({
    actor,
    instanceId,
    input: { clientSubmissionId: randomUUID(), answer: text, elapsedMs: 1000 },
  });

const itemsOf = (setId: string) =>
  getDb().problemSetItem.findMany({ where: { setId }, orderBy: { position: "asc" } });

describe("a typed problem of vectors and matrices", () => {
  it("∇_W of ‖Wx − y‖² with no key written: graded right and wrong against the derivative; a bad one refused", async () => {
    const { teacher, ann, bob, set } = await world();
    const input = {
      kind: "matrix",
      symbols: "W: m x n, x: n, y: m",
      f: "‖W x - y‖^2",
      wrt: "W",
      asks: "gradient",
      key: "",
    };
    await addAuthoredItem({ actor: teacher, setId: set.id, input });
    await expectAppError(
      addAuthoredItem({ actor: teacher, setId: set.id, input: { ...input, key: "(W x - y) x^T" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      addAuthoredItem({ actor: teacher, setId: set.id, input: { ...input, symbols: "W m x n" } }),
      "INVALID_INPUT",
    );
    expect(await itemsOf(set.id)).toHaveLength(3);
    const a = (await openAll(ann, set.id)).problems[3]!.instanceId;
    const b = (await openAll(bob, set.id)).problems[3]!.instanceId;
    expect(await answer(ann, a, "2 (W x - y) x^T")).toMatchObject({
      kind: "graded",
      feedback: { correct: true },
    });
    expect(await answer(bob, b, "2 x (W x - y)^T")).toMatchObject({
      kind: "graded",
      feedback: { correct: false },
    });
    const gradebook = await getGradebook({ actor: teacher, setId: set.id });
    expect(gradebook.rows.find((r) => r.userId === ann.id)?.score).toBe(1);
    expect(gradebook.rows.find((r) => r.userId === bob.id)?.score).toBe(0);
  });
});

describe("typed Hessian and Taylor problems", () => {
  it("are added through the form's data, graded as grids; a bad point is refused with the reason", async () => {
    const { teacher, ann, set } = await world();
    await addAuthoredItem({
      actor: teacher,
      setId: set.id,
      input: { kind: "hessian", f: "x^2 y + y^3", vars: ["x", "y"] },
    });
    await addAuthoredItem({
      actor: teacher,
      setId: set.id,
      input: { kind: "taylor2", f: "e^x cos(y)", vars: ["x", "y"], at: "0, 0" },
    });
    const refused = await expectAppError(
      addAuthoredItem({
        actor: teacher,
        setId: set.id,
        input: { kind: "taylor2", f: "e^x cos(y)", vars: ["x", "y"], at: "1/2, 0" },
      }),
      "INVALID_INPUT",
    );
    expect(refused.message).toMatch(/whole numbers/);
    const mine = (await openAll(ann, set.id)).problems;
    const [hess, taylor] = [mine[3]!.instanceId, mine[4]!.instanceId];
    const grid = (instanceId: string, answer: string[][]) =>
      submitAnswer({
        actor: ann,
        instanceId,
        input: { clientSubmissionId: randomUUID(), answer, elapsedMs: 900 },
      });
    expect(
      await grid(hess, [
        ["2y", "2x"],
        ["2x", "6y"],
      ]),
    ).toMatchObject({ feedback: { correct: true } });
    expect(await grid(taylor, [["1 + x"]])).toMatchObject({ feedback: { correct: false } });
  });
});
