CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"district_code" text,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_km2" double precision NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"note" text,
	"published" boolean DEFAULT false NOT NULL,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_networks" (
	"place_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	CONSTRAINT "place_networks_place_id_network_id_pk" PRIMARY KEY("place_id","network_id")
);
--> statement-breakpoint
CREATE TABLE "place_relations" (
	"place_id" uuid PRIMARY KEY NOT NULL,
	"parent_place_id" uuid,
	"operator_organization_id" uuid
);
--> statement-breakpoint
CREATE TABLE "routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"district_code" text,
	"place_ids" jsonb NOT NULL,
	"legs_m" jsonb NOT NULL,
	"total_m" double precision NOT NULL,
	"note" text,
	"published" boolean DEFAULT false NOT NULL,
	"demo_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "place_networks" ADD CONSTRAINT "place_networks_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_networks" ADD CONSTRAINT "place_networks_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_relations" ADD CONSTRAINT "place_relations_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_relations" ADD CONSTRAINT "place_relations_parent_place_id_places_id_fk" FOREIGN KEY ("parent_place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_relations" ADD CONSTRAINT "place_relations_operator_organization_id_organizations_id_fk" FOREIGN KEY ("operator_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_district_idx" ON "areas" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_demo_key_uq" ON "areas" USING btree ("demo_key") WHERE "areas"."demo_key" is not null;--> statement-breakpoint
CREATE INDEX "place_networks_network_idx" ON "place_networks" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "place_relations_parent_idx" ON "place_relations" USING btree ("parent_place_id");--> statement-breakpoint
CREATE INDEX "place_relations_operator_idx" ON "place_relations" USING btree ("operator_organization_id");--> statement-breakpoint
CREATE INDEX "routes_district_idx" ON "routes" USING btree ("district_code");--> statement-breakpoint
CREATE UNIQUE INDEX "routes_demo_key_uq" ON "routes" USING btree ("demo_key") WHERE "routes"."demo_key" is not null;