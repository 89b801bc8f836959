CREATE INDEX "profiles_location_lower_idx" ON "profiles" USING btree (lower("location"));--> statement-breakpoint
CREATE INDEX "users_industry_index" ON "users" USING btree ("industry");