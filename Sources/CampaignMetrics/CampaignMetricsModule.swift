/// The figures of a run: per campaign, per variant.
public enum CampaignMetricsModule {}
