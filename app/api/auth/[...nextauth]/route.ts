// Auth.js's HTTP endpoints (csrf, session, credentials callback, sign-out).
import { handlers } from "@/lib/server/auth";

export const { GET, POST } = handlers;
