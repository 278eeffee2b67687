-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "debts" ADD COLUMN     "recorded_at" TIMESTAMPTZ(3);

-- A debt's date is one field now (debtDate): rows from before it read as their
-- created_at, on the phone as here, so give them exactly that.
UPDATE "debts" SET "recorded_at" = "created_at" WHERE "recorded_at" IS NULL;

-- AlterTable
ALTER TABLE "settings" ADD COLUMN     "country" TEXT,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "link_days" BIGINT,
ADD COLUMN     "remind_days" BIGINT,
ADD COLUMN     "reminder_templates" JSONB;

-- CreateTable
CREATE TABLE "links" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_opened_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "links_pkey" PRIMARY KEY ("user_id","id")
);

-- CreateTable
CREATE TABLE "reminders" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "link_id" UUID,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "reminders_pkey" PRIMARY KEY ("user_id","id")
);

-- CreateIndex
CREATE INDEX "links_token_idx" ON "links"("token");

-- CreateIndex
CREATE INDEX "links_user_id_customer_id_idx" ON "links"("user_id", "customer_id");

-- CreateIndex
CREATE INDEX "reminders_user_id_customer_id_sent_at_idx" ON "reminders"("user_id", "customer_id", "sent_at");

-- CreateIndex
CREATE INDEX "debts_user_id_recorded_at_idx" ON "debts"("user_id", "recorded_at");
