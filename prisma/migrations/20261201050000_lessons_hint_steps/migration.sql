-- Hints come in steps (what to look at, the rule, the first line of the solution), each revealed on its
-- own request: how many were revealed. hintUsedAt stays the time of the first (what the rating counts).
ALTER TABLE "ProblemInstance" ADD COLUMN "hintsTaken" INTEGER NOT NULL DEFAULT 0;
UPDATE "ProblemInstance" SET "hintsTaken" = 1 WHERE "hintUsedAt" IS NOT NULL;
