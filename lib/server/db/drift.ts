// Compares the data model in schema.prisma (the DMMF written by scripts/prisma-dmmf-generator.mjs)
// with a migrated database: tables, columns (type, nullability, default or not), enums, primary
// keys, unique and plain indexes, foreign keys; and the SQL functions the migrations define (their
// arguments and body, as the last migration that creates each one wrote them). An empty list means
// no drift.
import { createHash } from "node:crypto";
import pg from "pg";
import { type MigrationFile, readMigrations } from "@/lib/server/db/migrate";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  hasDefaultValue: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
export interface Datamodel {
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  models: DmmfModel[];
  indexes: {
    model: string;
    type: "id" | "unique" | "normal" | "fulltext";
    dbName?: string | null;
    fields: { name: string }[];
  }[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: (args) => (args[0] ? `character varying(${args[0]})` : "character varying"),
  Timestamptz: (args) => `timestamp(${args[0] ?? "6"}) with time zone`,
  Timestamp: (args) => `timestamp(${args[0] ?? "6"}) without time zone`,
  Date: () => "date",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  JsonB: () => "jsonb",
};
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);
const ON_DELETE: Record<string, string> = {
  Cascade: "c",
  SetNull: "n",
  Restrict: "r",
  NoAction: "a",
  SetDefault: "d",
};

function expectedType(field: DmmfField): string {
  const base =
    field.kind === "enum"
      ? `"${field.type}"`
      : field.nativeType
        ? (NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1]) ?? field.nativeType[0].toLowerCase())
        : (SCALAR_TYPES[field.type] ?? field.type);
  return field.isList ? `${base}[]` : base;
}

function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const value = field.default as { name?: string } | undefined;
  return !(value && typeof value === "object" && value.name && CLIENT_SIDE_DEFAULTS.has(value.name));
}

function expectedFacts(model: Datamodel): Set<string> {
  const facts = new Set<string>();
  const tableOf = new Map(model.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (m: DmmfModel, name: string) => {
    const field = m.fields.find((f) => f.name === name);
    return field?.dbName ?? name;
  };
  for (const e of model.enums)
    facts.add(`enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(", ")})`);
  for (const m of model.models) {
    const table = tableOf.get(m.name)!;
    facts.add(`table ${table}`);
    for (const field of m.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const target = model.models.find((t) => t.name === field.type)!;
          const from = field.relationFromFields.map((f) => columnOf(m, f)).join(", ");
          const to = (field.relationToFields ?? []).map((f) => columnOf(target, f)).join(", ");
          const onDelete = ON_DELETE[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
          facts.add(
            `foreign key ${table} (${from}) -> ${tableOf.get(field.type)} (${to}) on delete ${onDelete}`,
          );
        }
        continue;
      }
      const nullability = field.isRequired ? "not null" : "null";
      const defaulted = hasDatabaseDefault(field) ? "default" : "no default";
      facts.add(
        `column ${table}.${field.dbName ?? field.name} ${expectedType(field)} ${nullability} ${defaulted}`,
      );
    }
  }
  for (const index of model.indexes) {
    const m = model.models.find((x) => x.name === index.model)!;
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    facts.add(
      `${kind} ${tableOf.get(index.model)} (${index.fields.map((f) => columnOf(m, f.name)).join(", ")})`,
    );
  }
  return facts;
}

async function actualFacts(client: pg.Client): Promise<Set<string>> {
  const facts = new Set<string>();
  const skip = "_prisma_migrations";
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  for (const e of enums.rows) facts.add(`enum ${e.name} (${e.labels.join(", ")})`);
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1`,
    [skip],
  );
  for (const t of tables.rows) facts.add(`table ${t.name}`);
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    notnull: boolean;
    hasdefault: boolean;
  }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, (d.adbin IS NOT NULL) AS hasdefault
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> $1`,
    [skip],
  );
  for (const c of columns.rows) {
    facts.add(
      `column ${c.table}.${c.column} ${c.type} ${c.notnull ? "not null" : "null"} ${c.hasdefault ? "default" : "no default"}`,
    );
  }
  const indexes = await client.query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(
    `SELECT t.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
            array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> $1`,
    [skip],
  );
  for (const i of indexes.rows) {
    const kind = i.primary ? "primary key" : i.unique ? "unique index" : "index";
    facts.add(`${kind} ${i.table} (${i.columns.join(", ")})`);
  }
  const fks = await client.query<{
    table: string;
    from: string[];
    target: string;
    to: string[];
    ondelete: string;
  }>(
    `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS target, c.confdeltype AS ondelete,
            array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS from,
            array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS to
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const bare = (name: string) => name.replace(/^"|"$/g, "");
  for (const f of fks.rows) {
    facts.add(
      `foreign key ${bare(f.table)} (${f.from.join(", ")}) -> ${bare(f.target)} (${f.to.join(", ")}) on delete ${f.ondelete}`,
    );
  }
  return facts;
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Each function as the last migration that creates it wrote it: name, argument list, body digest. */
export function expectedFunctions(migrations: readonly MigrationFile[]): Set<string> {
  const functions = new Map<string, string>();
  const create =
    /CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+"?(\w+)"?\s*\(([\s\S]*?)\)\s*RETURNS[\s\S]*?AS\s+\$(\w*)\$([\s\S]*?)\$\3\$/gi;
  const drop = /DROP\s+FUNCTION\s+(?:IF\s+EXISTS\s+)?"?(\w+)"?/gi;
  for (const m of migrations) {
    for (const d of m.sql.matchAll(drop)) functions.delete(d[1]!);
    for (const c of m.sql.matchAll(create)) {
      const args = c[2]!
        .split("\n")
        .map((line) => line.replace(/--.*$/, "").trim())
        .join(" ")
        .split(",")
        .map((a) => a.trim().split(/\s+/)[0]!.toLowerCase())
        .filter((a) => a.length > 0);
      functions.set(c[1]!, `function ${c[1]}(${args.join(", ")}) body ${digest(c[4]!)}`);
    }
  }
  return new Set(functions.values());
}

async function actualFunctions(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string; args: string[] | null; body: string }>(
    `SELECT p.proname AS name, p.proargnames::text[] AS args, p.prosrc AS body
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.prokind = 'f'`,
  );
  return new Set(rows.map((r) => `function ${r.name}(${(r.args ?? []).join(", ")}) body ${digest(r.body)}`));
}

export interface Drift {
  /** In schema.prisma, missing or different in the database. */
  missingInDatabase: string[];
  /** In the database, not in schema.prisma. */
  notInSchema: string[];
}

export async function findDrift(
  databaseUrl: string,
  datamodel: Datamodel,
  migrations: readonly MigrationFile[] = readMigrations(),
): Promise<Drift> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const expected = new Set([...expectedFacts(datamodel), ...expectedFunctions(migrations)]);
    const actual = new Set([...(await actualFacts(client)), ...(await actualFunctions(client))]);
    return {
      missingInDatabase: [...expected].filter((f) => !actual.has(f)).sort(),
      notInSchema: [...actual].filter((f) => !expected.has(f)).sort(),
    };
  } finally {
    await client.end();
  }
}
