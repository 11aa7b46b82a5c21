// Spaced repetition for Gradient Drill: one FSRS card per (learner, skill), ratings from the
// auto-grade, the daily queue, prerequisite bring-forward and progress views. Pure: time is passed in.
export * from "./card";
export * from "./settings";
export * from "./schedule";
export * from "./rating";
export * from "./queue";
export * from "./bring-forward";
export * from "./due";
export * from "./drill";
export { forecast, streak, heatmap, accuracyByWeek, type DayCount, type WeekAccuracy } from "./progress";
export { localDayBounds, localDateKey, localDayNumber, startOfLocalDay, dayKey } from "./time";
export * from "./placement";
