-- A student number per enrollment, set or imported by the teacher, so that records can be matched
-- with the registrar's. Unique within a class (several students may have none).

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "studentNumber" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_classId_studentNumber_key" ON "Enrollment"("classId", "studentNumber");
