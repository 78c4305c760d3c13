CREATE TABLE "diary_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "diary_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"film_id" integer NOT NULL,
	"watched_on" date,
	"rewatch" boolean DEFAULT false NOT NULL,
	"half_stars" integer,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_entries_one_per_day" UNIQUE NULLS NOT DISTINCT("user_id","film_id","watched_on"),
	CONSTRAINT "diary_entries_half_stars_check" CHECK ("diary_entries"."half_stars" is null or "diary_entries"."half_stars" between 0 and 8)
);
--> statement-breakpoint
CREATE TABLE "letterboxd_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"files" text[] DEFAULT '{}'::text[] NOT NULL,
	"preview" jsonb NOT NULL,
	"summary" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "watchlist_items" (
	"user_id" text NOT NULL,
	"film_id" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text,
	CONSTRAINT "watchlist_items_user_id_film_id_pk" PRIMARY KEY("user_id","film_id")
);
--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letterboxd_imports" ADD CONSTRAINT "letterboxd_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_items" ADD CONSTRAINT "watchlist_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_items" ADD CONSTRAINT "watchlist_items_film_id_films_id_fk" FOREIGN KEY ("film_id") REFERENCES "public"."films"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diary_entries_user_idx" ON "diary_entries" USING btree ("user_id","watched_on");--> statement-breakpoint
CREATE INDEX "letterboxd_imports_user_idx" ON "letterboxd_imports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "watchlist_items_film_idx" ON "watchlist_items" USING btree ("film_id");