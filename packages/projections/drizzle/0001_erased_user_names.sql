-- A forgotten customer's name is erased: the row stays (their orders and the totals still add up), the name is null.
ALTER TABLE "rm_overview_users" ALTER COLUMN "name" DROP NOT NULL;
