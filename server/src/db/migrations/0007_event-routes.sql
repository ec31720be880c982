CREATE TABLE "event_routes" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"route_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_routes" ADD CONSTRAINT "event_routes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_routes" ADD CONSTRAINT "event_routes_route_id_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_routes_route_idx" ON "event_routes" USING btree ("route_id");