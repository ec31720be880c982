import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { places } from '../db/schema';
import { placeSearchDoc } from '../features/places/places.presenter';
import { upsertSearchDocuments } from '../features/search/search-index';
import type { DemoKeys } from './demo-keys';

/** Places of the demo dataset, with their (approximate, WGS-84) coordinates and search documents. */
export async function loadPlaces(tx: Tx, demo: Demo, keys: DemoKeys) {
  if (!demo.places.length) return;
  const rows = await tx
    .insert(places)
    .values(
      demo.places.map((p) => ({
        name: p.name,
        kind: p.kind,
        districtCode: p.districtCode,
        address: p.address,
        lng: p.lng,
        lat: p.lat,
        description: p.description,
        demoKey: p.key,
      })),
    )
    .returning();
  for (const r of rows) keys.set('place', r.demoKey!, r.id);
  const aliasesByKey = new Map(demo.places.map((p) => [p.key, p.aliases ?? []]));
  await upsertSearchDocuments(
    tx,
    rows.map((r) => placeSearchDoc(r, aliasesByKey.get(r.demoKey!))),
  );
}
