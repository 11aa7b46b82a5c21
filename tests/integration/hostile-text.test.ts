// Control characters in what people type (a NUL byte in a report, a display name, a class name) are
// refused with a clear message naming the field, and nothing is stored; the same text without them is
// accepted.
import { describe, expect, it } from "vitest";
import { createClass } from "@/lib/server/classes/classes";
import { getDb } from "@/lib/server/db/client";
import { reportGrading, startInstance } from "@/lib/server/practice/practice";
import { updateDisplayName } from "@/lib/server/users/update-user";
import { expectAppError, learner } from "./helpers";

const CONTROL = /contains a control character \(such as NUL\)/;

describe("control characters in typed text", () => {
  it("a report with a NUL byte is refused; the same report without it is filed", async () => {
    const me = await learner("reporter");
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const refused = await expectAppError(
      reportGrading({ actor: me, instanceId: view.id, input: { comment: "my answer\u0000 is right" } }),
      "INVALID_INPUT",
    );
    expect(refused.message).toMatch(CONTROL);
    expect(refused.message).toContain("report");
    expect(await getDb().gradingReport.count({ where: { userId: me.id } })).toBe(0);
    await reportGrading({ actor: me, instanceId: view.id, input: { comment: "my answer\nis right" } });
    expect(await getDb().gradingReport.count({ where: { userId: me.id } })).toBe(1);
  });

  it("a display name with a NUL or an escape character is refused; a plain one is saved", async () => {
    const me = await learner("named");
    for (const bad of ["Ada\u0000", "Ada\u001b[31m", "Ada\u007f"]) {
      const refused = await expectAppError(
        updateDisplayName({ actor: me, input: { displayName: bad } }),
        "INVALID_INPUT",
      );
      expect(refused.message).toMatch(CONTROL);
      expect(refused.message).toContain("display name");
    }
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).displayName).toBe("named");
    await updateDisplayName({ actor: me, input: { displayName: "Ada Lovelace" } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).displayName).toBe("Ada Lovelace");
  });

  it("a class name with a NUL is refused; the plain name makes the class", async () => {
    const teacher = await learner("teacher", { role: "teacher" });
    const refused = await expectAppError(
      createClass({ actor: teacher, input: { name: "Calculus\u0000 1A" } }),
      "INVALID_INPUT",
    );
    expect(refused.message).toMatch(CONTROL);
    expect(await getDb().class.count({ where: { teacherId: teacher.id } })).toBe(0);
    await createClass({ actor: teacher, input: { name: "Calculus 1A" } });
    expect(await getDb().class.count({ where: { teacherId: teacher.id } })).toBe(1);
  });
});
