-- A password change raises sessionVersion; sessions issued with an older value are refused.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
