/** A document opened from (or saved as) a SQL insight: "Update Insight" writes back to it. */
export interface InsightLink {
  insightId: number;
  shortId: string;
  name: string;
  host: string;
  projectId: number;
}
