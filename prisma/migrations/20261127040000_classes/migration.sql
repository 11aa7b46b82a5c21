-- Teachers: classes with join codes, enrollments (removal keeps the student's results, marked
-- removed), problem sets with their items and per-student extensions, and on problem instances the
-- assignment copy (one instance per item, student and copy), whether the solution is shown, the late
-- flag and a teacher's override of the verdict.

-- CreateEnum
CREATE TYPE "LatePolicy" AS ENUM ('accept_flagged', 'refuse');

-- AlterTable
ALTER TABLE "ProblemInstance" ADD COLUMN "copy" INTEGER,
ADD COLUMN "showSolution" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "overrideCorrect" BOOLEAN,
ADD COLUMN "overrideNote" TEXT,
ADD COLUMN "overriddenById" UUID,
ADD COLUMN "overriddenAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Class" (
    "id" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Class_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "classId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateTable
CREATE TABLE "ProblemSet" (
    "id" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "triesAllowed" INTEGER NOT NULL DEFAULT 2,
    "showSolution" BOOLEAN NOT NULL DEFAULT true,
    "latePolicy" "LatePolicy" NOT NULL DEFAULT 'accept_flagged',
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemSetItem" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "skillId" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "authored" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemSetItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "setId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("setId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProblemInstance_assignmentItemId_userId_copy_key" ON "ProblemInstance"("assignmentItemId", "userId", "copy");

-- CreateIndex
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");

-- CreateIndex
CREATE INDEX "Class_teacherId_idx" ON "Class"("teacherId");

-- CreateIndex
CREATE INDEX "Enrollment_userId_idx" ON "Enrollment"("userId");

-- CreateIndex
CREATE INDEX "ProblemSet_classId_idx" ON "ProblemSet"("classId");

-- CreateIndex
CREATE INDEX "ProblemSetItem_setId_position_idx" ON "ProblemSetItem"("setId", "position");

-- CreateIndex
CREATE INDEX "Extension_userId_idx" ON "Extension"("userId");

-- AddForeignKey
ALTER TABLE "ProblemInstance" ADD CONSTRAINT "ProblemInstance_assignmentItemId_fkey" FOREIGN KEY ("assignmentItemId") REFERENCES "ProblemSetItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemInstance" ADD CONSTRAINT "ProblemInstance_overriddenById_fkey" FOREIGN KEY ("overriddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Class" ADD CONSTRAINT "Class_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemSet" ADD CONSTRAINT "ProblemSet_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemSetItem" ADD CONSTRAINT "ProblemSetItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "ProblemSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_setId_fkey" FOREIGN KEY ("setId") REFERENCES "ProblemSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
