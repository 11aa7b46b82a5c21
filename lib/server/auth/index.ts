// The Auth.js instance: credentials sign-in (with limits), JWT sessions.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/server/auth/config";
import { checkSignIn } from "@/lib/server/auth/sign-in";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.mjs";
import { adoptBrowserTimezone } from "@/lib/server/users/timezone";

class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

/** The caller's address as the app's HTTP server worked it out (scripts/serve.mjs): the socket, or the
 * hop a trusted proxy appended. Without that server (a bare `next start`) every caller is "unknown". */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 100) || "unknown";
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is routine, not a server error: keep it out of the error log.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin")
        return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        /** The browser's timezone (a hidden field), stored while the account's is still the default. */
        timezone: { type: "hidden" },
      },
      async authorize(credentials, request) {
        const result = await checkSignIn({
          email: credentials.email,
          password: credentials.password,
          address: clientAddress(request.headers),
        });
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new TooManyAttempts();
          return null;
        }
        await adoptBrowserTimezone({ actor: result.user, input: credentials.timezone });
        return {
          sessionVersion: result.user.sessionVersion,
          id: result.user.id,
          email: result.user.email,
          name: result.user.displayName,
          role: result.user.role,
        };
      },
    }),
  ],
});
