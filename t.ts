import { SKILLS, generate, solution, hintSteps } from "./lib/problems";
const only = process.argv[2];
for (const s of SKILLS) { if (only && !s.id.includes(only)) continue; const g = generate(s.id, 3); if (!g.ok) continue; const so = solution(g.problem); console.log("##", s.id, "|", g.problem.statement); for (const st of so.steps) console.log(`  ${st.final?"*":"-"} [${st.rule}] ${st.why} || ${st.latex ?? "(none)"}`); for (const h of hintSteps(g.problem)) console.log("   h:", h.label, "|", h.text, "|", h.latex ?? ""); }
