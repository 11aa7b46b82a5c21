// Route protection before rendering: signed-out visits to protected pages go to sign-in and come
// back after it. Pages check again on the server, roles and the session version included.
// Sessions slide: a page visit with a token older than an hour (or than half the idle timeout, when
// that is shorter) re-issues it with a fresh idle timeout (GD_SESSION_IDLE_SECONDS). A token re-issued by a request that raced a sign-out is harmless: the
// sign-out moved the account's session version on, and every request checks it.
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, routeDecision } from "@/lib/server/auth/config";

const SECURE_COOKIE = "__Secure-authjs.session-token";
const PLAIN_COOKIE = "authjs.session-token";
const REFRESH_AFTER_SECONDS = Math.min(3600, Math.floor(authConfig.session.maxAge / 2));

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
    // Practice pages count as activity (the session slides), though they are not protected here.
    "/practice/:path*",
  ],
};
