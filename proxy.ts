// Route protection before rendering: signed-out visits to protected pages go to sign-in and come
// back after it. Pages check again on the server, roles and the session version included.
// Sessions slide: a page visit with a token older than an hour re-issues it with a fresh idle timeout
// (GD_SESSION_IDLE_SECONDS). A token re-issued by a request that raced a sign-out is harmless: the
// sign-out moved the account's session version on, and every request checks it.
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, routeDecision } from "@/lib/server/auth/config";

const SECURE_COOKIE = "__Secure-authjs.session-token";
const PLAIN_COOKIE = "authjs.session-token";
const REFRESH_AFTER_SECONDS = 3600;

export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const secret = process.env.AUTH_SECRET ?? "";
  const secure = request.cookies.has(SECURE_COOKIE);
  const token = await getToken({ req: request, secret, secureCookie: secure });
  const path = request.nextUrl.pathname;
  if (routeDecision(path, token ? {} : null) === "allow") {
    const response = NextResponse.next();
    const nowSeconds = Math.floor(Date.now() / 1000);
    if (token && typeof token.iat === "number" && nowSeconds - token.iat > REFRESH_AFTER_SECONDS) {
      const name = secure ? SECURE_COOKIE : PLAIN_COOKIE;
      const maxAge = authConfig.session.maxAge;
      response.cookies.set(name, await encode({ token, secret, salt: name, maxAge }), {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure,
        maxAge,
      });
    }
    return response;
  }
  const target = new URL("/signin", request.nextUrl);
  target.searchParams.set("callbackUrl", `${path}${request.nextUrl.search}`);
  return NextResponse.redirect(target);
}

export const config = {
  matcher: [
    "/dashboard/:path*",
    "/account/:path*",
    "/teacher/:path*",
    "/assignments/:path*",
    "/join/:path*",
    "/today/:path*",
    "/progress/:path*",
    "/settings/:path*",
    "/admin/:path*",
  ],
};
