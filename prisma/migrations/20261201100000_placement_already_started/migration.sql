-- What a finished placement check found shown known but left alone because the learner had already
-- started it (kept so the check's page still says so after a reload; empty for checks finished before).
ALTER TABLE "Placement" ADD COLUMN "alreadyStarted" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
