// The printable set: the set, its items (with points) and its problems with numbers from a seed, read
// in one pass: no more queries than the set page's own read.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { getSetForPrint, getSetForTeacher, previewSet } from "@/lib/server/assignments/sets";
import { expectAppError } from "./helpers";
import { world } from "./teaching-world";

async function queriesOf<T>(work: () => Promise<T>): Promise<{ value: T; queries: number }> {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    const value = await work();
    return { value, queries: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

describe("the printable set", () => {
  it("has the set, its points and the preview's problems for the seed, read once", async () => {
    const { teacher, otherTeacher, set } = await world();
    const page = await queriesOf(() => getSetForTeacher({ actor: teacher, setId: set.id }));
    const print = await queriesOf(() => getSetForPrint({ actor: teacher, setId: set.id, seed: 3 }));
    expect(print.value.set.title).toBe("Week 1");
    expect(print.value.items.map((i) => i.points)).toEqual([1, 1]);
    expect(print.value.problems).toEqual(await previewSet({ actor: teacher, setId: set.id, seed: 3 }));
    expect(print.value.problems).toHaveLength(3);
    expect(print.queries).toBe(page.queries);
    await expectAppError(getSetForPrint({ actor: otherTeacher, setId: set.id, seed: 3 }), "NOT_FOUND");
  });
});
