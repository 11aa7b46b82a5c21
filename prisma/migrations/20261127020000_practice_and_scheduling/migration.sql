-- Practice and scheduling: problem instances as issued (with their keys), submissions (one per try,
-- replay-safe by the client's submission id), skill cards (FSRS state per learner and skill), the
-- append-only review log (exactly one review per finished instance), grading reports, and each
-- learner's scheduling settings.

-- CreateEnum
CREATE TYPE "InstanceSource" AS ENUM ('practice', 'assignment');

-- CreateEnum
CREATE TYPE "InstanceOutcome" AS ENUM ('right', 'wrong', 'revealed');

-- CreateEnum
CREATE TYPE "CardStateName" AS ENUM ('New', 'Learning', 'Review', 'Relearning');

-- CreateEnum
CREATE TYPE "RatingName" AS ENUM ('Again', 'Hard', 'Good', 'Easy');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('open', 'accepted', 'dismissed');

-- AlterTable
ALTER TABLE "User" ADD COLUMN "dailyNewLimit" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN "sessionLength" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9;

-- CreateTable
CREATE TABLE "ProblemInstance" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "skillId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "problem" JSONB NOT NULL,
    "source" "InstanceSource" NOT NULL DEFAULT 'practice',
    "assignmentItemId" UUID,
    "maxTries" INTEGER NOT NULL DEFAULT 2,
    "triesUsed" INTEGER NOT NULL DEFAULT 0,
    "hintUsedAt" TIMESTAMPTZ(3),
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "outcome" "InstanceOutcome",
    "durationMs" INTEGER,

    CONSTRAINT "ProblemInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "clientSubmissionId" TEXT NOT NULL,
    "tryNumber" INTEGER NOT NULL,
    "answer" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "diagnosis" TEXT,
    "feedback" JSONB NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillCard" (
    "userId" UUID NOT NULL,
    "skillId" TEXT NOT NULL,
    "due" TIMESTAMPTZ(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" "CardStateName" NOT NULL,
    "lastReview" TIMESTAMPTZ(3),
    "lastRating" "RatingName",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillCard_pkey" PRIMARY KEY ("userId","skillId")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "skillId" TEXT NOT NULL,
    "instanceId" UUID NOT NULL,
    "rating" "RatingName" NOT NULL,
    "outcome" "InstanceOutcome" NOT NULL,
    "tries" INTEGER NOT NULL,
    "hintUsed" BOOLEAN NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "stateBefore" JSONB,
    "stateAfter" JSONB NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradingReport" (
    "id" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "submissionId" UUID,
    "comment" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'open',
    "resolvedById" UUID,
    "resolutionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "GradingReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProblemInstance_userId_issuedAt_idx" ON "ProblemInstance"("userId", "issuedAt");

-- CreateIndex
CREATE INDEX "ProblemInstance_userId_skillId_finishedAt_idx" ON "ProblemInstance"("userId", "skillId", "finishedAt");

-- CreateIndex
CREATE INDEX "ProblemInstance_assignmentItemId_idx" ON "ProblemInstance"("assignmentItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_userId_clientSubmissionId_key" ON "Submission"("userId", "clientSubmissionId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_instanceId_tryNumber_key" ON "Submission"("instanceId", "tryNumber");

-- CreateIndex
CREATE INDEX "SkillCard_userId_due_idx" ON "SkillCard"("userId", "due");

-- CreateIndex
CREATE UNIQUE INDEX "Review_instanceId_key" ON "Review"("instanceId");

-- CreateIndex
CREATE INDEX "Review_userId_reviewedAt_idx" ON "Review"("userId", "reviewedAt");

-- CreateIndex
CREATE INDEX "Review_userId_skillId_reviewedAt_idx" ON "Review"("userId", "skillId", "reviewedAt");

-- CreateIndex
CREATE INDEX "GradingReport_instanceId_idx" ON "GradingReport"("instanceId");

-- CreateIndex
CREATE INDEX "GradingReport_userId_idx" ON "GradingReport"("userId");

-- CreateIndex
CREATE INDEX "GradingReport_status_createdAt_idx" ON "GradingReport"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "ProblemInstance" ADD CONSTRAINT "ProblemInstance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProblemInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillCard" ADD CONSTRAINT "SkillCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProblemInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingReport" ADD CONSTRAINT "GradingReport_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProblemInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingReport" ADD CONSTRAINT "GradingReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingReport" ADD CONSTRAINT "GradingReport_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingReport" ADD CONSTRAINT "GradingReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
