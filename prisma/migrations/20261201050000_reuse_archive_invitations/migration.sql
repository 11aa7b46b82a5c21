-- Archiving classes and sets (restorable), and invitations by email for people with no account yet.

-- AlterTable
ALTER TABLE "Class" ADD COLUMN "archivedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ProblemSet" ADD COLUMN "archivedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Invitation" (
    "classId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("classId","email")
);

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
