// Text files bundled into host tests by esbuild's text loader (scripts/build.mjs).
declare module '*.hogql' {
  const text: string;
  export default text;
}
