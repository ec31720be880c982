/** demo key → database id, per kind of record, filled as the loaders insert. */
export class DemoKeys {
  private readonly maps = new Map<string, Map<string, string>>();

  set(kind: string, key: string, id: string) {
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new Map()));
    m.set(key, id);
  }

  /** the id of a loaded record; throws naming the key when it was not loaded */
  id(kind: string, key: string): string {
    const id = this.maps.get(kind)?.get(key);
    if (!id) throw new Error(`demo: no ${kind} with key "${key}" was loaded`);
    return id;
  }

  maybe(kind: string, key: string | null | undefined): string | null {
    return key ? (this.maps.get(kind)?.get(key) ?? null) : null;
  }

  count(kind: string) {
    return this.maps.get(kind)?.size ?? 0;
  }
}
