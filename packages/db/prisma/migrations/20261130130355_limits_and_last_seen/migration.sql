-- AlterTable: when a device last made a request, written at most once a minute.
ALTER TABLE "sessions" ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3);

-- CreateTable
-- UNLOGGED: counters need no crash safety, and skipping the WAL makes a hit cheap.
CREATE UNLOGGED TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
