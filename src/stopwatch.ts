/** Times consecutive steps: `lap(name)` ends the step `name` (the activation benchmark prints them). */
export function stopwatch(): { readonly started: number; readonly phases: Record<string, number>; lap(name: string): void } {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let last = started;
  return {
    started,
    phases,
    lap: (name) => {
      const now = performance.now();
      phases[name] = now - last;
      last = now;
    },
  };
}
