// Route protection before rendering: signed-out visits to protected pages go to sign-in and come
// back after it; teacher pages answer 403 to other roles. Pages check again on the server.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/server/auth/config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/dashboard/:path*", "/account/:path*", "/teacher/:path*"],
};
