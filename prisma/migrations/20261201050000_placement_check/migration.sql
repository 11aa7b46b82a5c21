-- The placement check: a short adaptive quiz; each question is a problem instance of source placement.

-- AlterEnum
ALTER TYPE "InstanceSource" ADD VALUE 'placement';

-- CreateTable
CREATE TABLE "Placement" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "open" BOOLEAN DEFAULT true,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "marked" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlacementQuestion" (
    "placementId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "skillId" TEXT NOT NULL,
    "instanceId" UUID NOT NULL,

    CONSTRAINT "PlacementQuestion_pkey" PRIMARY KEY ("placementId","position")
);

-- CreateIndex
CREATE INDEX "Placement_userId_startedAt_idx" ON "Placement"("userId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_userId_open_key" ON "Placement"("userId", "open");

-- CreateIndex
CREATE UNIQUE INDEX "PlacementQuestion_instanceId_key" ON "PlacementQuestion"("instanceId");

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementQuestion" ADD CONSTRAINT "PlacementQuestion_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacementQuestion" ADD CONSTRAINT "PlacementQuestion_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProblemInstance"("id") ON DELETE CASCADE ON UPDATE CASCADE;
