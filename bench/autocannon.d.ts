// autocannon ships no type declarations; the benchmark uses its documented API.
declare module 'autocannon' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const autocannon: (opts: Record<string, unknown>) => Promise<any>;
  export default autocannon;
}
