// Is this error a unique constraint refusing a second row (Prisma's P2002)? Told by its code, not by
// its class: the app's server loads the data functions twice in one process (Next.js's build and the
// bundle of the route it answers itself, lib/server/direct-routes.ts), they share one client
// (lib/server/db/client.ts), and an error that client throws is an instance of only one copy of
// Prisma's error classes.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
