// Auth.js settings shared by the proxy (route protection) and the full auth instance. No database
// or native modules here: the proxy imports this file.
import type { NextAuthConfig } from "next-auth";
import { NextResponse } from "next/server";

/** Paths that need a signed-in user; the proxy sends others to sign-in and back. */
export const PROTECTED_PREFIXES = ["/dashboard", "/account", "/teacher"] as const;
export const TEACHER_PREFIXES = ["/teacher"] as const;

const startsWithAny = (path: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (!startsWithAny(path, PROTECTED_PREFIXES)) return true;
      if (!auth?.user) return false;
      if (startsWithAny(path, TEACHER_PREFIXES) && !["teacher", "admin"].includes(auth.user.role)) {
        return NextResponse.rewrite(new URL("/forbidden", request.nextUrl), { status: 403 });
      }
      return true;
    },
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
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
      return session;
    },
  },
} satisfies NextAuthConfig;
