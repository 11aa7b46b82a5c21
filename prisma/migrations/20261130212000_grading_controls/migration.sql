-- Grades the teacher controls: a late penalty, whether hints and "Show me the answer" are offered,
-- solutions after the due date; per item its points, excused or full credit for everyone, its own due
-- date; and items excused for one student.

-- AlterTable
ALTER TABLE "ProblemSet" ADD COLUMN "latePenaltyPct" INTEGER,
ADD COLUMN "hintsAllowed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "revealAllowed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "solutionsAfterDue" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ProblemSetItem" ADD COLUMN "points" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "excused" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "fullCredit" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "dueAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ItemExcusal" (
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemExcusal_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateIndex
CREATE INDEX "ItemExcusal_userId_idx" ON "ItemExcusal"("userId");

-- AddForeignKey
ALTER TABLE "ItemExcusal" ADD CONSTRAINT "ItemExcusal_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ProblemSetItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemExcusal" ADD CONSTRAINT "ItemExcusal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
