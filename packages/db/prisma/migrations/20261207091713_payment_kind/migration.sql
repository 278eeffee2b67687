-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "kind" TEXT;
