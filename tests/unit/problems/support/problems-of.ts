// Every skill's problems for seeds 0..count-1, generated once per test file and kept.
import { generate } from "@/lib/problems/catalogue";
import type { Problem } from "@/lib/problems/types";

const cache = new Map<string, Problem[]>();

export function problemsOf(skill: string, count = 1000): Problem[] {
  const key = `${skill}#${count}`;
  let ps = cache.get(key);
  if (!ps) {
    ps = [];
    for (let seed = 0; seed < count; seed++) {
      const g = generate(skill, seed);
      if (!g.ok) throw new Error(`${skill} seed ${seed}: ${g.error.message}`);
      ps.push(g.problem);
    }
    cache.set(key, ps);
  }
  return ps;
}
