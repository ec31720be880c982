import type { DemoData as Demo } from '../../../demo/schema';
import type { Tx } from '../db/client';
import type { DemoKeys } from './demo-keys';

/** Industries of the demo dataset. */
export async function loadIndustries(tx: Tx, demo: Demo, keys: DemoKeys) {
  void tx;
  void demo;
  void keys;
}
