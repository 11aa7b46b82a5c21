// Auth.js settings shared by the proxy (route protection) and the full auth instance. No database
// or native modules here: the proxy imports this file.
import type { NextAuthConfig } from "next-auth";
import { sessionIdleSeconds } from "@/lib/server/env";

/** Paths that need a signed-in user; the proxy sends others to sign-in and back. */
export const PROTECTED_PREFIXES = [
  "/dashboard",
  "/account",
  "/teacher",
  "/assignments",
  "/join",
  "/today",
  "/progress",
  "/settings",
  "/placement",
  "/admin",
] as const;

const startsWithAny = (path: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** What the proxy does with a request: let it through or send it to sign-in. Roles are checked by
 * the pages themselves (requireRole answers 403). */
export function routeDecision(path: string, user: { role?: string } | null): "allow" | "signin" {
  if (!startsWithAny(path, PROTECTED_PREFIXES)) return "allow";
  return user ? "allow" : "signin";
}

export const authConfig = {
  pages: { signIn: "/signin" },
  // The token expires after the idle timeout; the proxy re-issues it while the user is active (sliding),
  // and every request checks it against User.sessionVersion (lib/server/session.ts).
  session: { strategy: "jwt", maxAge: sessionIdleSeconds() },
  providers: [],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.name = user.name;
      }
      if (trigger === "update" && session && typeof session === "object" && "name" in session) {
        token.name = String((session as { name: unknown }).name);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = token.role ?? "learner";
      session.user.sessionVersion = token.sv ?? -1;
      return session;
    },
  },
} satisfies NextAuthConfig;
