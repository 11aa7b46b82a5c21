// Demo data, seeded once per database (remembered in AppMeta, so deleted demo accounts stay deleted).
import "server-only";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { getDb } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password";

const SEEDED_KEY = "demo_seeded_at";

export async function seedDemoOnce(now = new Date()): Promise<boolean> {
  const db = getDb();
  if (await db.appMeta.findUnique({ where: { key: SEEDED_KEY } })) return false;
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hashPassword(account.password);
    await db.user.upsert({
      where: { email: account.email },
      update: {},
      create: { email: account.email, displayName: account.displayName, role: account.role, passwordHash },
    });
  }
  await db.appMeta.create({ data: { key: SEEDED_KEY, value: now.toISOString() } });
  return true;
}
