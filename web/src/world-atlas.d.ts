// The topology world-atlas ships as JSON; typed here so the 100 KB file is not inferred.
declare module 'world-atlas/countries-110m.json' {
  const topology: unknown
  export default topology
}
