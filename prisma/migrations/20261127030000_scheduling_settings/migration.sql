-- When the learner last saved their scheduling settings (null: never, so the settings page proposes
-- the browser's timezone).

-- AlterTable
ALTER TABLE "User" ADD COLUMN "settingsSavedAt" TIMESTAMPTZ(3);
