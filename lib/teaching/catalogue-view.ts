// The catalogue as a teacher reads it: every skill grouped by topic, found by words of its title,
// method or topic, each with a sample problem, its answer and its worked solution (typeset). Pure:
// the sample is the skill's generator at a fixed seed, so the page shows the same sample every time.
import { SKILLS, TOPICS, TOPIC_TITLES, type Topic, generate, solution } from "../problems";
import { keyLatexOf } from "../problems/authored";
import type { SolutionStep } from "../problems/solution-types";

export interface CatalogueSkill {
  id: string;
  title: string;
  description: string;
  sample: {
    statement: string;
    latex: string;
    keyLatex: string;
    steps: SolutionStep[];
  } | null;
}

export interface CatalogueTopic {
  topic: Topic;
  title: string;
  skills: CatalogueSkill[];
}

const SAMPLE_SEED = 1;
const MAX_QUERY = 80;

/** Lower case, accents and punctuation dropped: "Chain-rule" finds "chain rule". */
const normal = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Samples are the same at every request (a fixed seed): computed once per process. */
const samples = new Map<string, CatalogueSkill["sample"]>();

function sampleOf(id: string): CatalogueSkill["sample"] {
  if (!samples.has(id)) samples.set(id, computeSample(id));
  return samples.get(id)!;
}

function computeSample(id: string): CatalogueSkill["sample"] {
  for (let seed = SAMPLE_SEED; seed < SAMPLE_SEED + 20; seed++) {
    const g = generate(id, seed);
    if (!g.ok) continue;
    const s = solution(g.problem);
    return {
      statement: g.problem.statement,
      latex: g.problem.latex,
      keyLatex: keyLatexOf(g.problem),
      steps: s.steps,
    };
  }
  return null;
}

/** The topics with the skills matching every word of `query` (all of them for an empty query). */
export function catalogueView(query: string): { query: string; topics: CatalogueTopic[]; count: number } {
  const q = query.slice(0, MAX_QUERY).trim();
  const words = normal(q).split(" ").filter(Boolean);
  const topics: CatalogueTopic[] = [];
  let count = 0;
  for (const topic of TOPICS) {
    const skills = SKILLS.filter((s) => s.topic === topic).filter((s) => {
      const text = normal(`${s.title} ${s.description} ${TOPIC_TITLES[topic]} ${s.id}`);
      return words.every((w) => text.includes(w));
    });
    if (skills.length === 0) continue;
    count += skills.length;
    topics.push({
      topic,
      title: TOPIC_TITLES[topic],
      skills: skills.map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        sample: sampleOf(s.id),
      })),
    });
  }
  return { query: q, topics, count };
}
