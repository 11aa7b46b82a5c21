// The placement check's data functions: read (pages), and the three writes (POST only).
export { getPlacement } from "./read-placement";
export { startPlacement, nextPlacementQuestion, finishPlacement } from "./write-placement";
