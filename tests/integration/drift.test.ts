// schema.prisma and the migrated database must agree; the check itself must notice a difference.
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { findDrift, type Datamodel } from "@/lib/server/db/drift";
import { migrate } from "@/lib/server/db/migrate";
import { createDatabase, dropDatabase, withClient } from "./database";

const datamodel = JSON.parse(readFileSync("lib/generated/dmmf.json", "utf8")) as Datamodel;

describe("schema drift", () => {
  it("schema.prisma matches the database the migrations build", async () => {
    const drift = await findDrift(inject("databaseUrl"), datamodel);
    expect(drift).toEqual({ missingInDatabase: [], notInSchema: [] });
  });

  it("a database that differs from schema.prisma is reported", async () => {
    const adminUrl = inject("adminUrl");
    const url = await createDatabase(adminUrl, "gd_drift");
    try {
      await migrate(url);
      await withClient(url, async (client) => {
        await client.query(`DROP INDEX "SignInAttempt_address_createdAt_idx"`);
        await client.query(`ALTER TABLE "User" ALTER COLUMN "timezone" DROP NOT NULL`);
        await client.query(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`);
      });
      const drift = await findDrift(url, datamodel);
      expect(drift.missingInDatabase).toEqual([
        "column User.timezone text not null default",
        "index SignInAttempt (address, createdAt)",
      ]);
      expect(drift.notInSchema).toEqual([
        "column User.nickname text null no default",
        "column User.timezone text null default",
      ]);
    } finally {
      await dropDatabase(adminUrl, url);
    }
  });

  it("a function whose body differs from its migration's is reported, and so is one no migration defines", async () => {
    const adminUrl = inject("adminUrl");
    const url = await createDatabase(adminUrl, "gd_drift_fn");
    try {
      await migrate(url);
      // Positive control: as migrated, the function matches.
      expect(await findDrift(url, datamodel)).toEqual({ missingInDatabase: [], notInSchema: [] });
      await withClient(url, async (client) => {
        const { rows } = await client.query<{ def: string }>(
          `SELECT pg_get_functiondef('record_try'::regproc) AS def`,
        );
        // The same function, refusing one case less: a body the migrations never wrote.
        const changed = rows[0]!.def.replace("IF v_tries <> p_tries_before THEN", "IF false THEN");
        expect(changed).not.toEqual(rows[0]!.def);
        await client.query(changed);
        await client.query(`CREATE FUNCTION "stray"() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$`);
      });
      const drift = await findDrift(url, datamodel);
      expect(drift.missingInDatabase).toEqual([
        expect.stringMatching(/^function record_try\(p_instance_id, /),
      ]);
      expect(drift.notInSchema).toEqual([
        expect.stringMatching(/^function record_try\(p_instance_id, /),
        expect.stringMatching(/^function stray\(\) body /),
      ]);
    } finally {
      await dropDatabase(adminUrl, url);
    }
  });
});
