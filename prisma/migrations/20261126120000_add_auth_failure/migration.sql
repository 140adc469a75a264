-- CreateTable
CREATE TABLE "AuthFailure" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "AuthFailure_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "AuthFailure_expire_idx" ON "AuthFailure"("expire");
