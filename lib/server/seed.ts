// Demo data, seeded once per database (remembered in AppMeta, so deleted demo accounts stay deleted):
// the demo accounts, and a class of the demo teacher with both demo learners and one published set.
import "server-only";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { getDb } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { createClass, joinClass } from "@/lib/server/classes/classes";
import { addAuthoredItem, addCatalogueItem, createSet, publishSet } from "@/lib/server/assignments/sets";
import { publicUserSelect } from "@/lib/server/users/user.types";

const SEEDED_KEY = "demo_seeded_at";
export const DEMO_CLASS_NAME = "Demo class: calculus for neural networks";

export async function seedDemoOnce(now = new Date()): Promise<boolean> {
  const db = getDb();
  if (await db.appMeta.findUnique({ where: { key: SEEDED_KEY } })) return false;
  const users = [];
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hashPassword(account.password);
    users.push(
      await db.user.upsert({
        where: { email: account.email },
        update: {},
        create: { email: account.email, displayName: account.displayName, role: account.role, passwordHash },
        select: publicUserSelect,
      }),
    );
  }
  const teacher = users.find((u) => u.role === "teacher");
  if (teacher && (await db.class.count({ where: { teacherId: teacher.id } })) === 0) {
    const cls = await createClass({ actor: teacher, input: { name: DEMO_CLASS_NAME } });
    for (const learner of users.filter((u) => u.role === "learner"))
      await joinClass({ actor: learner, input: { code: cls.joinCode } });
    const set = await createSet({
      actor: teacher,
      classId: cls.id,
      input: {
        title: "Warm-up: derivatives",
        instructions: "Two power-rule problems with your own numbers, and one function your teacher typed.",
        dueAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      },
    });
    await addCatalogueItem({
      actor: teacher,
      setId: set.id,
      input: { skillId: "derivative-power-rule", count: 2 },
    });
    await addAuthoredItem({
      actor: teacher,
      setId: set.id,
      input: { kind: "derivative", f: "x^2 sin x", var: "x" },
    });
    await publishSet({ actor: teacher, setId: set.id });
  }
  await db.appMeta.create({ data: { key: SEEDED_KEY, value: now.toISOString() } });
  return true;
}
