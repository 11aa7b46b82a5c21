// Bringing a prerequisite forward after a wrong answer whose diagnosis points at it.
import { describe, expect, it } from "vitest";
import {
  type CatalogueSkill,
  type DiagnosisSkillMap,
  type SkillCard,
  Rating,
  State,
  bringForward,
  bringForwardForDiagnosis,
  newCard,
  prerequisitesOf,
} from "../../../lib/srs";

const skills: CatalogueSkill[] = [
  { id: "power", prerequisites: [] },
  { id: "product", prerequisites: ["power"] },
  { id: "quotient", prerequisites: ["product"] },
  { id: "chain", prerequisites: ["power"] },
  { id: "combined", prerequisites: ["quotient", "chain"] },
  { id: "partials", prerequisites: ["chain"] },
  { id: "gradient", prerequisites: ["partials"] },
];
const map: DiagnosisSkillMap = {
  chain_rule_inner: "chain",
  product_rule_as_product: "product",
  quotient_rule_reversed: "quotient",
  quotient_of_derivatives: "quotient",
  partial_not_constant: "partials",
  wrong_variable: "partials",
};
const now = new Date("2026-06-15T08:00:00Z");

function card(skillId: string, due: string): SkillCard {
  return {
    ...newCard(new Date(due)),
    skillId,
    stability: 12.5,
    difficulty: 4.2,
    elapsedDays: 3,
    scheduledDays: 12,
    reps: 4,
    lapses: 1,
    state: State.Review,
    lastReview: new Date("2026-06-10T08:00:00Z"),
    lastRating: Rating.Good,
  };
}
const cards = ["power", "product", "quotient", "chain", "partials"].map((id) =>
  card(id, "2026-06-22T08:00:00Z"),
);

describe("bringForward", () => {
  it("moves a later due date to now and leaves the memory alone", () => {
    const c = card("chain", "2026-06-22T08:00:00Z");
    const moved = bringForward(c, now);
    expect(moved).toEqual({ ...c, due: now });
    expect(c.due).toEqual(new Date("2026-06-22T08:00:00Z"));
  });

  it("leaves a card already due unchanged", () => {
    const c = card("chain", "2026-06-14T08:00:00Z");
    expect(bringForward(c, now)).toEqual(c);
  });
});

describe("bringForwardForDiagnosis", () => {
  const run = (skillId: string, diagnosis: string | undefined, cs = cards) =>
    bringForwardForDiagnosis({ skillId, diagnosis, now, cards: cs, skills, map });

  it("brings a direct or transitive prerequisite forward, memory unchanged", () => {
    const r = run("combined", "chain_rule_inner");
    expect(r?.skillId).toBe("chain");
    expect(r?.after).toEqual({ ...r?.before, due: now });
    expect(r?.before).toBe(cards.find((c) => c.skillId === "chain"));
    expect(run("gradient", "chain_rule_inner")?.skillId).toBe("chain"); // gradient -> partials -> chain
    expect(run("gradient", "wrong_variable")?.skillId).toBe("partials");
    expect(run("combined", "product_rule_as_product")?.skillId).toBe("product");
    expect(run("combined", "quotient_of_derivatives")?.skillId).toBe("quotient");
  });

  it("does nothing when the mapped skill is not a prerequisite of the skill reviewed", () => {
    expect(run("chain", "chain_rule_inner")).toBeNull(); // the skill itself
    expect(run("partials", "quotient_rule_reversed")).toBeNull(); // unrelated
    expect(run("product", "quotient_rule_reversed")).toBeNull(); // a dependant, not a prerequisite
  });

  it("does nothing without a mapped diagnosis or a started card", () => {
    expect(run("combined", undefined)).toBeNull();
    expect(run("combined", "sign_error")).toBeNull();
    expect(run("combined", "toString")).toBeNull(); // not an own key of the map
    expect(
      run(
        "combined",
        "chain_rule_inner",
        cards.filter((c) => c.skillId !== "chain"),
      ),
    ).toBeNull();
    const unstarted = [...cards.filter((c) => c.skillId !== "chain"), { ...newCard(now), skillId: "chain" }];
    expect(run("combined", "chain_rule_inner", unstarted)).toBeNull();
  });

  it("does nothing when the prerequisite is already due", () => {
    const due = cards.map((c) =>
      c.skillId === "chain" ? { ...c, due: new Date("2026-06-15T07:00:00Z") } : c,
    );
    expect(run("combined", "chain_rule_inner", due)).toBeNull();
  });
});

describe("prerequisitesOf", () => {
  it("is the transitive closure, cycles tolerated", () => {
    expect([...prerequisitesOf("combined", skills)].sort()).toEqual([
      "chain",
      "power",
      "product",
      "quotient",
    ]);
    expect([...prerequisitesOf("power", skills)]).toEqual([]);
    expect([...prerequisitesOf("unknown", skills)]).toEqual([]);
    const cyclic: CatalogueSkill[] = [
      { id: "a", prerequisites: ["b"] },
      { id: "b", prerequisites: ["a"] },
    ];
    expect([...prerequisitesOf("a", cyclic)]).toEqual(["b"]);
  });
});
