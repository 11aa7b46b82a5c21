// Why a set takes no more answers, said before the student tries, with the date in their timezone.
import { describe, expect, it } from "vitest";
import { closedMessage, closedReason } from "@/lib/teaching/closed";

const at = new Date("2026-12-04T12:00:00Z");
const due = new Date("2026-12-03T16:00:00Z");
const open = { archivedAt: null, latePolicy: "refuse" as const, class: { archivedAt: null } };

describe("closed sets", () => {
  it("closed past the due date only when late answers are refused", () => {
    expect(closedReason(open, due, at)).toEqual({ kind: "due", at: due });
    expect(closedReason({ ...open, latePolicy: "accept_flagged" }, due, at)).toBeNull();
    expect(closedReason(open, new Date("2026-12-05T00:00:00Z"), at)).toBeNull();
    expect(closedReason(open, null, at)).toBeNull();
  });

  it("a set archived, or of an archived class, is closed whatever the dates and the policy", () => {
    const archived = { kind: "archived" };
    expect(closedReason({ ...open, archivedAt: at }, null, at)).toEqual(archived);
    expect(closedReason({ ...open, class: { archivedAt: at } }, null, at)).toEqual(archived);
    expect(closedReason({ ...open, latePolicy: "accept_flagged", archivedAt: at }, due, at)).toEqual(
      archived,
    );
  });

  it("says when it closed in the viewer's timezone", () => {
    expect(closedMessage({ kind: "due", at: due }, "Europe/Berlin")).toBe(
      "This set closed on 3 Dec 2026, 17:00 CET; late answers are not accepted.",
    );
    expect(closedMessage({ kind: "due", at: due }, "UTC")).toContain("3 Dec 2026, 16:00 UTC");
    expect(closedMessage({ kind: "archived" }, "UTC")).toMatch(/archived/);
  });
});
