// Scheduling data functions, one operation a file: the learner's day (Today), the drill's next item,
// settings and Progress. Each takes the acting user and reads only that user's rows; time comes from
// the server clock (lib/server/clock), the rules from lib/srs.
export { getToday } from "@/lib/server/scheduling/get-today";
export { nextDrillItem } from "@/lib/server/scheduling/next-drill-item";
export { getSettings, updateSettings } from "@/lib/server/scheduling/settings";
export { getProgress, HISTORY_PAGE_SIZE } from "@/lib/server/scheduling/get-progress";
