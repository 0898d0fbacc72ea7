// Style sheets imported by the notebook renderer come in as text (scripts/build.mjs: the `text`
// loader), applied as constructed style sheets to each output's shadow root.
declare module '*.css' {
  const text: string;
  export default text;
}
