-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "google_sub" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "device_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("user_id","id")
);

-- CreateTable
CREATE TABLE "debts" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "note" TEXT,
    "due_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "debts_pkey" PRIMARY KEY ("user_id","id")
);

-- CreateTable
CREATE TABLE "payments" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "debt_id" UUID,
    "amount" BIGINT NOT NULL,
    "paid_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("user_id","id")
);

-- CreateTable
CREATE TABLE "sales" (
    "user_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "customer_id" UUID,
    "items" JSONB NOT NULL,
    "total" BIGINT NOT NULL,
    "paid_amount" BIGINT NOT NULL,
    "sold_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_by_device_id" TEXT,
    "row_version" BIGINT NOT NULL,
    "clocks" JSONB NOT NULL DEFAULT '{}',
    "deleted_clock" JSONB,

    CONSTRAINT "sales_pkey" PRIMARY KEY ("user_id","id")
);

-- CreateTable
CREATE TABLE "sync_events" (
    "event_id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "device_id" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "op" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "client_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "server_received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event_uuid" UUID NOT NULL,

    CONSTRAINT "sync_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_google_sub_key" ON "users"("google_sub");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "debts_user_id_customer_id_idx" ON "debts"("user_id", "customer_id");

-- CreateIndex
CREATE INDEX "payments_user_id_customer_id_idx" ON "payments"("user_id", "customer_id");

-- CreateIndex
CREATE INDEX "sales_user_id_sold_at_idx" ON "sales"("user_id", "sold_at");

-- CreateIndex
CREATE INDEX "sync_events_user_id_event_id_idx" ON "sync_events"("user_id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "sync_events_user_id_event_uuid_key" ON "sync_events"("user_id", "event_uuid");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "debts" ADD CONSTRAINT "debts_user_id_customer_id_fkey" FOREIGN KEY ("user_id", "customer_id") REFERENCES "customers"("user_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_customer_id_fkey" FOREIGN KEY ("user_id", "customer_id") REFERENCES "customers"("user_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
