-- CreateTable
CREATE TABLE "compacted_events" (
    "user_id" UUID NOT NULL,
    "event_uuid" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,

    CONSTRAINT "compacted_events_pkey" PRIMARY KEY ("user_id","event_uuid")
);

-- CreateTable
CREATE TABLE "log_horizons" (
    "user_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL DEFAULT 0,
    "scanned_to" BIGINT NOT NULL DEFAULT 0,
    "compacted_at" TIMESTAMPTZ(3),

    CONSTRAINT "log_horizons_pkey" PRIMARY KEY ("user_id")
);
