// Next.js settings. No external fonts or assets: everything is bundled (KaTeX's fonts included).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  turbopack: { root: import.meta.dirname },
  // `npm test` type-checks the whole project; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // forbidden() in requireRole: a 403 with app/forbidden.tsx.
  // Server action bodies: forms here are small; larger ones are refused (scripts/serve.mjs answers 413
  // to a larger declared length before Next.js reads it).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "64kb" } },
};

export default nextConfig;
