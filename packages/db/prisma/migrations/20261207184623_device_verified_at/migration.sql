-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "verified_at" TIMESTAMPTZ(3);
