// Adds the user's id and role to Auth.js's session, user and token types.
import type { Role } from "@/lib/generated/prisma/enums";
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    /** The user's sessionVersion when this token was issued. */
    sv?: number;
  }
}
