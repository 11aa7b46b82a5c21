-- The day's drill: one a learner and local day, its items fixed when it starts, each with its problem.

-- CreateEnum
CREATE TYPE "DrillItemKind" AS ENUM ('due', 'new', 'extra');

-- CreateTable
CREATE TABLE "Drill" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "day" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillItem" (
    "drillId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "skillId" TEXT NOT NULL,
    "kind" "DrillItemKind" NOT NULL,
    "instanceId" UUID NOT NULL,

    CONSTRAINT "DrillItem_pkey" PRIMARY KEY ("drillId","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "Drill_userId_day_key" ON "Drill"("userId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "DrillItem_instanceId_key" ON "DrillItem"("instanceId");

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillItem" ADD CONSTRAINT "DrillItem_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillItem" ADD CONSTRAINT "DrillItem_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProblemInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;
