/** web/scripts/districts-asset.ts: the URL of the simplified district boundaries (hashed under /assets/ in a build). */
declare module 'virtual:shanghai-districts' {
  const url: string;
  export default url;
}
