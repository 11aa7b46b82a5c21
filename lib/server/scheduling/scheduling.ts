// Scheduling data functions, one operation a file: the learner's day (Today), the day's drill,
// settings and Progress. Each takes the acting user and reads only that user's rows; time comes from
// the server clock (lib/server/clock), the rules from lib/srs.
export { getToday } from "@/lib/server/scheduling/get-today";
export { getDrill, getDrillSummary } from "@/lib/server/scheduling/drill-read";
export { startDrill, oneMore } from "@/lib/server/scheduling/start-drill";
export { getSettings, updateSettings } from "@/lib/server/scheduling/settings";
export { getProgress, HISTORY_PAGE_SIZE } from "@/lib/server/scheduling/get-progress";
