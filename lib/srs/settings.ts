// A learner's scheduling settings, with their allowed ranges.
import { z } from "zod";

export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;

export const srsSettingsSchema = z.object({
  /** Desired probability of recalling a skill when it comes due. */
  requestRetention: z.number().min(MIN_RETENTION).max(MAX_RETENTION),
  /** New skills introduced per local day. */
  dailyNewLimit: z.number().int().min(0).max(50),
  /** Most items in one practice session. */
  sessionLength: z.number().int().min(1).max(200),
});
export type SrsSettings = z.infer<typeof srsSettingsSchema>;

export const DEFAULT_SETTINGS: Readonly<SrsSettings> = Object.freeze({
  requestRetention: 0.9,
  dailyNewLimit: 5,
  sessionLength: 20,
});

/** Throws a RangeError unless the desired retention is a number in [0.70, 0.97]. */
export function assertRetention(requestRetention: number): void {
  if (!(requestRetention >= MIN_RETENTION && requestRetention <= MAX_RETENTION)) {
    throw new RangeError(
      `requestRetention must be between ${MIN_RETENTION} and ${MAX_RETENTION}, got ${requestRetention}`,
    );
  }
}
