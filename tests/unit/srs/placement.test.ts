// The placement check's rules: which skill comes next (deep skills first, the prerequisites of a
// wrong answer probed next, at most 12 questions) and which skills the answers mark known.
import { describe, expect, it } from "vitest";
import { PART_ONE_TOPICS, SKILLS } from "../../../lib/problems";
import {
  type CatalogueSkill,
  type PlacementAnswer,
  PLACEMENT_MAX_QUESTIONS,
  PLACEMENT_RATING,
  State,
  ancestorsOf,
  newCard,
  nextPlacementSkill,
  placementKnown,
  placementMarks,
  review,
} from "../../../lib/srs";

// a <- b <- c <- d (a chain), a <- e, and x <- y standing apart.
const skills: CatalogueSkill[] = [
  { id: "a", prerequisites: [] },
  { id: "b", prerequisites: ["a"] },
  { id: "c", prerequisites: ["b"] },
  { id: "d", prerequisites: ["c", "e"] },
  { id: "e", prerequisites: ["a"] },
  { id: "x", prerequisites: [] },
  { id: "y", prerequisites: ["x"] },
];
const right = (skillId: string): PlacementAnswer => ({ skillId, correct: true });
const wrong = (skillId: string): PlacementAnswer => ({ skillId, correct: false });

/** Runs a whole check against a learner who knows exactly `knows`; returns the skills asked. */
function run(all: readonly CatalogueSkill[], knows: ReadonlySet<string>) {
  const answers: PlacementAnswer[] = [];
  for (;;) {
    const next = nextPlacementSkill(all, answers);
    if (next === null) return answers;
    expect(answers.map((a) => a.skillId)).not.toContain(next);
    answers.push({ skillId: next, correct: knows.has(next) });
  }
}

describe("nextPlacementSkill", () => {
  it("starts deep in the graph: the skill that builds on the most", () => {
    expect(nextPlacementSkill(skills, [])).toBe("d");
  });
  it("a right answer settles the skill and everything it builds on; the next is elsewhere", () => {
    expect(nextPlacementSkill(skills, [right("d")])).toBe("y");
    expect(nextPlacementSkill(skills, [right("d"), right("y")])).toBeNull();
  });
  it("a wrong answer probes what the skill builds on, halving the way down", () => {
    // d builds on a, b, c, e: c settles three of the four (itself, b, a), b two: b is nearer half.
    expect(nextPlacementSkill(skills, [wrong("d")])).toBe("b");
    expect(nextPlacementSkill(skills, [wrong("d"), wrong("b")])).toBe("a");
    // b right (a with it): d's open prerequisites c and e are probed before anything else.
    expect(nextPlacementSkill(skills, [wrong("d"), right("b")])).toBe("c");
    expect(nextPlacementSkill(skills, [wrong("d"), right("b"), right("c")])).toBe("e");
    expect(nextPlacementSkill(skills, [wrong("d"), right("b"), right("c"), right("e")])).toBe("y");
  });
  it("never asks a skill that builds on one answered wrong", () => {
    const asked = run(skills, new Set(["a", "e", "x", "y"])).map((a) => a.skillId);
    expect(asked).toEqual(["d", "b", "a", "e", "y"]);
    // b wrong: c (which builds on it) is never asked.
    expect(asked).not.toContain("c");
  });
  it("stops at the question limit", () => {
    const chain: CatalogueSkill[] = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      prerequisites: [],
    }));
    const answers = run(chain, new Set());
    expect(answers).toHaveLength(PLACEMENT_MAX_QUESTIONS);
    expect(nextPlacementSkill(chain, answers.slice(0, 3), 3)).toBeNull();
  });
});

describe("placementKnown and placementMarks", () => {
  it("marks a right answer's skill and its prerequisites, never a skill answered wrong", () => {
    expect(placementKnown(skills, [right("c")])).toEqual(["a", "b", "c"]);
    expect(placementKnown(skills, [wrong("d"), right("c"), right("e")])).toEqual(["a", "b", "c", "e"]);
    expect(placementKnown(skills, [wrong("d"), wrong("c"), wrong("b"), wrong("a")])).toEqual([]);
    expect(placementKnown(skills, [])).toEqual([]);
  });
  it("leaves a skill already started with its own schedule", () => {
    expect(placementMarks(skills, [right("c")], new Set(["b"]))).toEqual({
      marked: ["a", "c"],
      alreadyStarted: ["b"],
    });
  });
  it("ancestorsOf follows prerequisites through others", () => {
    expect([...ancestorsOf(skills, "d")].sort()).toEqual(["a", "b", "c", "e"]);
    expect(ancestorsOf(skills, "a").size).toBe(0);
  });
});

describe("over the Part 1 catalogue", () => {
  const part1 = SKILLS.filter((s) => PART_ONE_TOPICS.includes(s.topic)).map((s) => ({
    id: s.id,
    prerequisites: s.prerequisites,
  }));

  it("a learner who knows all of Part 1 is placed in a few questions, every skill marked", () => {
    const answers = run(part1, new Set(part1.map((s) => s.id)));
    // One question for each skill nothing else builds on, and no more.
    const sinks = part1.filter((s) => !part1.some((o) => o.prerequisites.includes(s.id)));
    expect(answers.map((a) => a.skillId).sort()).toEqual(sinks.map((s) => s.id).sort());
    expect(placementKnown(part1, answers)).toEqual(part1.map((s) => s.id));
  });
  it("a learner who knows only the limits is asked about derivatives' roots and marked for limits only", () => {
    const limits = new Set(SKILLS.filter((s) => s.topic === "limits").map((s) => s.id));
    const answers = run(part1, limits);
    expect(answers.length).toBeLessThanOrEqual(PLACEMENT_MAX_QUESTIONS);
    expect(answers.map((a) => a.skillId)).toContain("derivative-power-rule");
    expect(placementKnown(part1, answers)).toEqual([...limits]);
  });
  it("a learner who knows nothing answers at most 12 and nothing is marked", () => {
    const answers = run(part1, new Set());
    expect(answers.length).toBeLessThanOrEqual(PLACEMENT_MAX_QUESTIONS);
    expect(placementKnown(part1, answers)).toEqual([]);
  });
});

describe("the review a known skill gets", () => {
  it("takes a new card out of the learning steps for about a week", () => {
    const now = new Date("2030-03-04T12:00:00.000Z");
    const { after } = review(newCard(now), PLACEMENT_RATING, now, { requestRetention: 0.9 });
    expect(after.state).toBe(State.Review);
    expect(after.scheduledDays).toBeGreaterThanOrEqual(7);
  });
});
