-- CreateTable
CREATE TABLE "settings" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "currency" TEXT,
    "shop_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("user_id","id")
);

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
