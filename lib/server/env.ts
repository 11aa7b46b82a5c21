// The app's environment, validated with zod once per process. The launcher (scripts/start.ts) fills
// in what a local start leaves out; in production mode nothing is filled in and gaps stop the start.
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A session unused for this long ends (it slides while in use): GD_SESSION_IDLE_SECONDS. */
const sessionIdle = positiveInt(7 * 24 * 3600);

/** The idle timeout alone, for the Auth.js settings that the proxy also loads (no other variable needed). */
export function sessionIdleSeconds(source: Record<string, string | undefined> = process.env): number {
  const parsed = sessionIdle.safeParse(source.GD_SESSION_IDLE_SECONDS);
  return parsed.success ? parsed.data : 7 * 24 * 3600;
}

/** The app's own address as people type it: scheme, host and port only (links and the origin check). */
const baseUrl = z
  .url({ protocol: /^https?$/, error: "GD_BASE_URL must be an http:// or https:// URL" })
  .refine((value) => {
    const url = new URL(value);
    return (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username;
  }, "GD_BASE_URL must be only scheme, host and port, such as https://drill.example.org")
  .transform((value) => new URL(value).origin)
  .optional();

/** Addresses of reverse proxies whose X-Forwarded-For hop is believed, comma-separated IPs. */
const trustedProxies = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.union([z.ipv4(), z.ipv6()], { error: "TRUSTED_PROXIES must list IP addresses, comma-separated" }),
    ),
  );

/**
 * Production mode, GD_PRODUCTION: the one reading of the flag ("1" or "true"), also before start-up.
 * A value the environment refuses (`yes`, `on`) counts as production here, so nothing meant for
 * development (the test clock, generated secrets) switches on before start-up refuses the value.
 */
export function productionMode(source: Record<string, string | undefined> = process.env): boolean {
  const parsed = flag.safeParse(source.GD_PRODUCTION);
  return parsed.success ? parsed.data : true;
}

/** The database's settings, a part of the environment below that the database client reads alone. */
const databaseFields = {
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is missing. Start the app with `npm start`, which provides one." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  /** Database connections per web process (the launcher shares about 20 among the processes). */
  GD_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
};
const databaseEnvSchema = z.object(databaseFields);
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** DATABASE_URL and GD_DB_POOL_MAX, validated as getEnv validates them (scripts have no AUTH_SECRET). */
export function databaseEnv(source: Record<string, string | undefined> = process.env): DatabaseEnv {
  const parsed = databaseEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(invalidEnvironment(parsed.error));
  return parsed.data;
}

function invalidEnvironment(error: z.ZodError): string {
  const problems = error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  return `Invalid environment:\n${problems.join("\n")}`;
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Production mode: explicit configuration, no demo data, no embedded database. */
    GD_PRODUCTION: flag,
    /** Demo mode: demo accounts seeded and shown on the sign-in page. Never in production mode. */
    GD_DEMO: flag,
    DATABASE_URL: databaseFields.DATABASE_URL,
    AUTH_SECRET: z
      .string({ error: "AUTH_SECRET is missing. Generate one with `openssl rand -base64 33`." })
      .min(32, "AUTH_SECRET must be at least 32 characters long"),
    AUTH_TRUST_HOST: flag,
    GD_SIGNIN_MAX_PER_ACCOUNT: positiveInt(5),
    GD_SIGNIN_MAX_PER_ADDRESS: positiveInt(50),
    GD_SIGNIN_WINDOW_SECONDS: positiveInt(15 * 60),
    /** Web processes behind the one port (`npm start`; `npm run dev` always runs one). */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    GD_DB_POOL_MAX: databaseFields.GD_DB_POOL_MAX,
    GD_SIGNUP_MAX_PER_ADDRESS: positiveInt(10),
    GD_BASE_URL: baseUrl,
    TRUSTED_PROXIES: trustedProxies,
    GD_SESSION_IDLE_SECONDS: sessionIdle,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  })
  .transform((env) => ({ ...env, GD_DEMO: env.GD_DEMO && !env.GD_PRODUCTION }));

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; throws one readable message naming every problem. */
export function getEnv(source: Record<string, string | undefined> = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(invalidEnvironment(parsed.error));
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}
