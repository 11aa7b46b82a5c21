// The acting user as every data function receives it (from requireUser), and the public user shape.
import type { Role } from "@/lib/generated/prisma/enums";

export interface ActingUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export const publicUserSelect = { id: true, email: true, displayName: true, role: true } as const;

/** The data change that signs out every session issued before it (with a password change). */
export const endSessions = { sessionVersion: { increment: 1 } } as const;
