CREATE TYPE "public"."availability" AS ENUM('weekdays', 'weekends');--> statement-breakpoint
CREATE TYPE "public"."industry" AS ENUM('agriculture', 'banking', 'business', 'commerce', 'construction', 'education', 'entertainment', 'government', 'health', 'manufacturing', 'media', 'others', 'sports', 'technology', 'transportation');--> statement-breakpoint
CREATE TYPE "public"."user_type" AS ENUM('learner', 'mentor');--> statement-breakpoint
CREATE TYPE "public"."challenge_purpose" AS ENUM('signup', 'password_reset');--> statement-breakpoint
CREATE TABLE "email_challenges" (
	"id" serial PRIMARY KEY NOT NULL,
	"purpose" "challenge_purpose" NOT NULL,
	"email" text NOT NULL,
	"otp_hash" text NOT NULL,
	"link_selector" text NOT NULL,
	"link_verifier_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"password_hash" text,
	"industry" "industry",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_challenges_linkSelector_unique" UNIQUE("link_selector")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"first_name" text DEFAULT 'N/A' NOT NULL,
	"last_name" text DEFAULT 'N/A' NOT NULL,
	"middle_name" text DEFAULT 'N/A' NOT NULL,
	"country_code" text DEFAULT '' NOT NULL,
	"phone_number" text DEFAULT '' NOT NULL,
	"profile_photo" text,
	"cover_photo" text,
	"intro_video" text,
	"resume" text,
	"location" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"qualification" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"years_of_experience" integer DEFAULT 0 NOT NULL,
	"availability" "availability",
	"current_job" text DEFAULT '' NOT NULL,
	"areas_of_expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"technical_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"mentorship_styles" text[] DEFAULT '{}'::text[] NOT NULL,
	"linkedin_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"family" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"refresh_family" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"user_type" "user_type" NOT NULL,
	"industry" "industry" NOT NULL,
	"is_staff" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_challenges_purpose_email_index" ON "email_challenges" USING btree ("purpose","email");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_index" ON "refresh_tokens" USING btree ("family");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_id_index" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_refresh_family_index" ON "sessions" USING btree ("refresh_family");