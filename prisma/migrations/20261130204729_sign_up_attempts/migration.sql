-- Sign-ups are limited per client address: one row per sign-up attempt.

-- CreateTable
CREATE TABLE "SignUpAttempt" (
    "id" BIGSERIAL NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUpAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignUpAttempt_address_createdAt_idx" ON "SignUpAttempt"("address", "createdAt");
