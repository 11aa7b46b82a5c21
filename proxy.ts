// Route protection before rendering: signed-out visits to protected pages go to sign-in and come
// back after it. Pages check again on the server, roles included.
// It only reads the session cookie and never writes one: a cookie refreshed by a prefetch that
// raced a sign-out would sign the user back in.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { routeDecision } from "@/lib/server/auth/config";

const SECURE_COOKIE = "__Secure-authjs.session-token";

export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET ?? "",
    secureCookie: request.cookies.has(SECURE_COOKIE),
  });
  const path = request.nextUrl.pathname;
  if (routeDecision(path, token ? {} : null) === "allow") return NextResponse.next();
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
