// The session carried in the practice view's query: malformed values are dropped, `next` is only a
// path on this site, and "Next" goes to the next problem, the summary, or `next`.
import { describe, expect, it } from "vitest";
import {
  nextStep,
  practiceStart,
  sessionPosition,
  startPath,
  readSession,
  safeNext,
  sessionQuery,
} from "@/lib/practice/session";

const S = "6f1c1c9e-3a43-4f7e-9d55-1d2a7b3c4d5e";

describe("safeNext", () => {
  it("accepts a path on this site", () => {
    expect(safeNext("/today/drill")).toBe("/today/drill");
    expect(safeNext("/today/drill?a=1#x")).toBe("/today/drill?a=1#x");
  });
  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "today",
    "",
    "/a b",
    "/\tx",
    `/${"a".repeat(600)}`,
    "/%0a",
  ])("refuses %j", (v) => {
    const r = safeNext(v);
    // "/%0a" stays an encoded path on this site, which is harmless.
    if (v === "/%0a") expect(r).toBe("/%0a");
    else expect(r).toBeUndefined();
  });
  it("refuses what is not text", () => {
    expect(safeNext(["/a"])).toBeUndefined();
    expect(safeNext(undefined)).toBeUndefined();
  });
});

describe("readSession", () => {
  it("reads a session of one skill", () => {
    expect(readSession({ n: "2", of: "5", skill: "tangent-line", s: S })).toEqual({
      n: 2,
      of: 5,
      skill: "tangent-line",
      s: S,
    });
  });
  it("is a single problem when nothing or nonsense is given", () => {
    expect(readSession({})).toEqual({ n: 1, of: 1 });
    expect(readSession({ n: "x", of: "-3", skill: "DROP TABLE", s: "nope", next: "//evil" })).toEqual({
      n: 1,
      of: 1,
    });
    expect(readSession({ n: "9", of: "5" })).toEqual({ n: 1, of: 5 });
    expect(readSession({ of: "100000" })).toEqual({ n: 1, of: 1 });
  });
  it("keeps a safe next", () => {
    expect(readSession({ next: "/today/drill", n: "3", of: "12" })).toEqual({
      n: 3,
      of: 12,
      next: "/today/drill",
    });
  });
});

describe("nextStep", () => {
  it("goes to next when given", () => {
    expect(nextStep({ n: 3, of: 12, next: "/today/drill" })).toMatchObject({ href: "/today/drill" });
  });
  it("starts the next problem of the session, carrying it", () => {
    const step = nextStep({ n: 1, of: 5, skill: "tangent-line", s: S });
    // A POST to the start action (never a link: following a link must not issue a problem).
    expect(step).not.toHaveProperty("href");
    expect(step).toMatchObject({ start: { skill: "tangent-line", fields: { n: "2", of: "5", s: S } } });
    expect(step.label).toContain("2 of 5");
  });
  it("ends a session with its summary", () => {
    expect(nextStep({ n: 5, of: 5, skill: "mixed", s: S })).toMatchObject({
      href: `/practice/summary?skill=mixed&of=5&s=${S}`,
    });
  });
  it("offers another problem after a single one", () => {
    expect(nextStep({ n: 1, of: 1, skill: "tangent-line" })).toEqual({
      label: "Another problem",
      start: { skill: "tangent-line", fields: { n: "1", of: "1" } },
    });
  });
  it("names a start page that sign-in can come back to", () => {
    expect(startPath(practiceStart("tangent-line", { n: 1, of: 1 }))).toBe("/practice/skill/tangent-line");
    expect(startPath(practiceStart("mixed", { n: 2, of: 5, s: S }))).toBe(
      `/practice/skill/mixed?n=2&of=5&s=${S}`,
    );
  });
  it("round-trips through the query", () => {
    const s = { n: 2, of: 4, skill: "mixed", s: S, next: "/today/drill" };
    const q = Object.fromEntries(new URLSearchParams(sessionQuery(s).slice(1)));
    expect(readSession(q)).toEqual(s);
  });
});

describe("sessionPosition", () => {
  it("names a problem of a session, an extra one beyond the drill, and a placement question", () => {
    expect(sessionPosition(readSession({ n: "2", of: "5" }))).toBe("Problem 2 of 5");
    const extra = readSession({ n: "1", of: "1", as: "extra", next: "/today/drill" });
    expect(extra.as).toBe("extra");
    expect(sessionPosition(extra)).toBe("Extra problem, beyond today's drill");
    expect(sessionPosition(readSession({ n: "2", of: "2", as: "extra" }))).toBe(
      "Extra problem 2, beyond today's drill",
    );
    expect(sessionPosition(readSession({ n: "3", of: "12", as: "placement" }))).toBe(
      "Placement check: question 3 of at most 12",
    );
    expect(nextStep(extra)).toEqual({ href: "/today/drill", label: "Back to today's drill" });
  });
  it("drops an unknown kind and keeps it through the query", () => {
    expect(readSession({ as: "admin" })).toEqual({ n: 1, of: 1 });
    const q = sessionQuery({ n: 1, of: 12, as: "placement", next: "/placement" });
    expect(readSession(Object.fromEntries(new URLSearchParams(q.slice(1))))).toEqual({
      n: 1,
      of: 12,
      as: "placement",
      next: "/placement",
    });
  });
});
