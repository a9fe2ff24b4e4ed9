// write-good ships no types; the benchmark only calls it on a string.
declare module 'write-good' {
  const writeGood: (text: string) => { index: number; offset: number; reason: string }[];
  export default writeGood;
}
