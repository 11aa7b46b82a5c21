// The placement check's data functions: read (pages), and the three writes (POST only).
export { getPlacement, getPlacementOffer } from "./read-placement";
export { startPlacement, nextPlacementQuestion, finishPlacement } from "./write-placement";
